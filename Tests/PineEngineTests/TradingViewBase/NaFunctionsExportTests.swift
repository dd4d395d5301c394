import Foundation
import PFData
@testable import PineEngine
import Testing

/// TradingView's `base/na.csv` export reproduced by running Pine through
/// the whole engine (`na`, `nz`, `fixnan` on a series that is na every
/// other bar).
@Suite struct NaFunctionsExportTests {
    static let script = """
        //@version=6
        indicator("na functions")
        val = bar_index % 2 == 0 ? bar_index : na
        plot(val, "val")
        plot(na(val) ? 0 : 1, "na(val)")
        plot(nz(val), "nz(val)")
        plot(nz(val, 2), "nz(val, 2)")
        plot(fixnan(val), "fixnan(val)")
        """

    @Test func reproducesEveryRowAndNa() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/tradingview/base/na.csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
        var rows: [[String]] = []
        for line in lines { rows.append(Self.fields(String(line))) }
        let formatter = ISO8601DateFormatter()
        let times = rows.map { Int64((formatter.date(from: $0[0])?.timeIntervalSince1970 ?? 0) * 1000) }
        func column(_ k: Int) -> [Double] { rows.map { Double($0[k]) ?? .nan } }
        let store = BarStore(time: times, open: column(1), high: column(2), low: column(3), close: column(4), volume: column(5))
        let program = try PineProgram.compile(source: Self.script, fileName: "na.pine")
        let data = try PreparedData(store: store, sourceTimeframe: Timeframe("5"))
        let result = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
        #expect(result.plots.count == 5)
        for (k, plot) in result.plots.enumerated() {
            let expected = column(6 + k)
            #expect(plot.values.count == expected.count)
            for (i, (mine, ref)) in zip(plot.values, expected).enumerated() {
                let ok = ref.isNaN ? mine.isNaN : abs(mine - ref) <= max(1e-8, 1e-5 * abs(ref))
                #expect(ok, "\(plot.title) row \(i): \(mine) vs \(ref)")
                if !ok { break }
            }
        }
    }

    /// Splits a CSV line, honouring quoted headers such as "nz(val, 2)".
    static func fields(_ line: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quoted = false
        for ch in line {
            if ch == "\"" { quoted.toggle() } else if ch == "," && !quoted {
                out.append(current)
                current = ""
            } else { current.append(ch) }
        }
        out.append(current)
        return out
    }
}
