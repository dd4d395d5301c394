import Foundation
import PFData
@testable import PineEngine
import Testing

/// TradingView's `base/series_if_for.csv` export reproduced by running Pine through the whole
/// engine: a `ta.ema` call site inside a `for` loop (each iteration starts from the state the
/// site had at the start of the bar, so only the last iteration's update survives), and one
/// inside an `if` (it advances only on the bars where it runs), with history reads of both.
@Suite struct SeriesIfForExportTests {
    static let script = """
        //@version=6
        indicator("series if for")
        float ema1 = na
        for i = 1 to 3
            ema1 := ta.ema(close * i, 5)
        float ema2 = na
        if bar_index % 4 == 3
            ema2 := ta.ema(close, 10)
        plot(ema1, "ema1")
        plot(ema1[1], "ema1[1]")
        plot(ema2, "ema2")
        plot(ema2[2], "ema2[2]")
        """

    @Test func reproducesEveryColumn() throws {
        let fixture = try TAFixture.load("series_if_for.csv", folder: "base")
        let formatter = ISO8601DateFormatter()
        let times = try fixture.text("time").map { text -> Int64 in
            guard let date = formatter.date(from: text) else { throw FixtureError.missingColumn(fixture.name, text) }
            return Int64(date.timeIntervalSince1970 * 1000)
        }
        #expect(times.count > 400)
        let store = try BarStore(
            time: times, open: fixture.open, high: fixture.high, low: fixture.low, close: fixture.close,
            volume: fixture.volume)
        let program = try PineProgram.compile(source: Self.script, fileName: "series_if_for.pine")
        let data = try PreparedData(store: store, sourceTimeframe: Timeframe("5"))
        let result = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
        let computed = result.plotSeries
        #expect(computed.count == 4)
        let problems = fixture.mismatches(computed)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// Without the roll-back the loop's three calls would each advance the average: the
    /// values must differ from that reading (the rule is what the export pins).
    @Test func loopCallsDoNotAccumulate() throws {
        let fixture = try TAFixture.load("series_if_for.csv", folder: "base")
        let close = try fixture.close
        var accumulating = EMAState()
        var last = Double.nan
        for bar in 0..<close.count {
            for i in 1...3 { last = accumulating.update(close[bar] * Double(i), length: 5) }
        }
        let exported = try fixture.series("ema1")
        #expect(exported.last.map { abs($0 - last) > 1e-6 } == true)
    }
}
