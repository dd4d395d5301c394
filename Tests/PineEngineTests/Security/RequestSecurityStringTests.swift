import PFData
import XCTest

@testable import PineEngine

/// A requested expression that reads a string variable of the chart's
/// context computed from the bars: like a number, it is computed again on
/// the requested bars (its value on the chart's bar would be another bar's).
final class RequestSecurityStringTests: XCTestCase {
    private typealias S = SecurityTestSupport

    func testSeriesStringGlobalIsComputedInTheRequestedContext() throws {
        let bars = S.bars
        let plots = try S.run(
            """
            dir = close > open ? "up" : "down"
            plot(request.security(syminfo.tickerid, "60", dir == "up" ? 1 : 0), "up")
            """)
        // lookahead_off: chart bar i shows the last hourly bucket closed by its close.
        let h1 = S.Buckets(bars, length: 3_600_000)
        let expected = (0..<bars.count).map { i -> Double in
            let end = bars.time[i] + S.quarter
            var k = h1.ofBar[i]
            while k >= 0 && h1.start[k] + h1.length > end { k -= 1 }
            guard k >= 0 else { return .nan }
            return h1.close[k] > h1.open[k] ? 1 : 0
        }
        S.assertSeries(plots["up"], expected, "up")
    }

    /// A string input read by the requested expression keeps the run's value
    /// (an override included) on the requested bars.
    func testStringInputReadsTheRunsValue() throws {
        let bars = S.bars
        let source = """
            //@version=6
            indicator("sec")
            side = input.string("close", "side", options = ["close", "open"])
            plot(request.security(syminfo.tickerid, "60", side == "open" ? open : close), "v")
            """
        let program = try PineProgram.compile(source: source, fileName: "sec.pine")
        let data = try PreparedData(store: bars, sourceTimeframe: Timeframe("15"))
        let runner = try ScriptRunner(program: program, data: data)
        let h1 = S.Buckets(bars, length: 3_600_000)
        for (value, column) in [("close", h1.close), ("open", h1.open)] {
            let result = try runner.run(RunOptions(inputs: ["side": .string(value)]), recordPlots: true)
            let expected = (0..<bars.count).map { i -> Double in
                let end = bars.time[i] + S.quarter
                var k = h1.ofBar[i]
                while k >= 0 && h1.start[k] + h1.length > end { k -= 1 }
                return k >= 0 ? column[k] : .nan
            }
            S.assertSeries(result.plots.first { $0.title == "v" }?.values, expected, "side = \(value)")
        }
    }
}
