import PFData
import Testing

@testable import PineEngine

/// `time_tradingday` on bars that span several trading days: the reference
/// manual gives the last trading day inside such a bar, which pfopt does not
/// compute yet, so the read stops with its location instead of giving
/// another day.
@Suite struct TradingDayTests {
    /// 120 daily bars from 2025-01-01 UTC, run at `timeframe`.
    static func failure(timeframe: String) -> String {
        let day: Int64 = 86_400_000
        let start: Int64 = 1_735_689_600_000
        let n = 120
        let c = (0..<n).map { 100 + Double($0) }
        let store = BarStore(
            time: (0..<n).map { start + Int64($0) * day }, open: c, high: c, low: c, close: c, volume: c)
        do {
            let program = try PineProgram.compile(
                source: "//@version=6\nindicator(\"t\")\nplot(time_tradingday)\n", fileName: "t.pine")
            let data = try PreparedData(
                store: store, sourceTimeframe: Timeframe("1D"), scriptTimeframe: Timeframe(timeframe))
            _ = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
            return ""
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: ["1M", "3M", "1W", "2D"])
    func barsOfSeveralTradingDaysAreRefusedAtTheRead(timeframe: String) {
        let text = Self.failure(timeframe: timeframe)
        #expect(text.contains("t.pine:3:6"), "\(timeframe): \(text)")
        #expect(text.contains("time_tradingday"), "\(timeframe): \(text)")
    }

    /// Daily bars still read their own day (midnight sessions).
    @Test func dailyBarsRun() {
        #expect(Self.failure(timeframe: "1D") == "")
    }
}
