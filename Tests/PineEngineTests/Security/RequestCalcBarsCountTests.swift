import PFData
import XCTest

@testable import PineEngine

/// `calc_bars_count = N`: the expression runs on the last N requested bars
/// only, as if they were all the data (its `bar_index` starts at 0 there,
/// and `var` state and indicator seeds start there); chart bars before them
/// read `na`. The requested data ends with the bar the chart's last bar
/// reads (here a forming hour: the feed ends two quarters into it).
final class RequestCalcBarsCountTests: XCTestCase {
    private static let bars = PineParityFeed.prefix(602)

    private func plots(_ body: String, timeframe: String = "15") throws -> [String: [Double]] {
        try ScriptHarness.run(
            ScriptHarness.source(body), fileName: "c.pine",
            data: PreparedData(store: Self.bars, sourceTimeframe: Timeframe("15"), scriptTimeframe: Timeframe(timeframe))
        ).plotSeries
    }

    func testTheExpressionStartsNBarsBeforeTheEnd() throws {
        let p = try plots(
            """
            plot(request.security(syminfo.tickerid, "60", bar_index, calc_bars_count = 50), "index")
            plot(request.security(syminfo.tickerid, "60", ta.sma(close, 3), calc_bars_count = 50), "sma")
            plot(request.security(syminfo.tickerid, "60", ta.cum(1), calc_bars_count = 50), "cum")
            plot(request.security(syminfo.tickerid, "60", close, calc_bars_count = 50, lookahead = barmerge.lookahead_on), "on")
            plot(request.security(syminfo.tickerid, "60", ta.sma(close, 3), calc_bars_count = 100000), "all")
            plot(request.security(syminfo.tickerid, "60", ta.sma(close, 3)), "plain")
            """)
        let h = SecurityTestSupport.Buckets(Self.bars, length: 3_600_000)
        // 150 whole hours and a forming one (index 150): the last 50 are hours 101...150.
        XCTAssertEqual(h.close.count, 151)
        let first = 101
        var index: [Double] = [], sma: [Double] = [], cum: [Double] = [], on: [Double] = []
        for i in 0..<Self.bars.count {
            let k = h.closed(i, Self.bars)
            let n = k - first
            index.append(n >= 0 ? Double(n) : .nan)
            sma.append(n >= 2 ? (h.close[k] + h.close[k - 1] + h.close[k - 2]) / 3 : .nan)
            cum.append(n >= 0 ? Double(n + 1) : .nan)
            let own = h.ofBar[i]
            on.append(own >= first ? h.close[own] : .nan)
        }
        XCTAssertTrue(ScriptHarness.same(p["index"], index))
        XCTAssertTrue(ScriptHarness.same(p["sma"], sma))
        XCTAssertTrue(ScriptHarness.same(p["cum"], cum))
        XCTAssertTrue(ScriptHarness.same(p["on"], on))
        // More bars than the data has: all of them.
        XCTAssertTrue(ScriptHarness.same(p["all"], p["plain"] ?? []))
        XCTAssertTrue(p["plain"]?.contains { !$0.isNaN } ?? false)
    }

    func testLowerTimeframeArraysHoldOnlyTheLastNBars() throws {
        // A 60-minute chart of the 15-minute feed: 150 hours (the forming one is not a chart bar),
        // quarters 0...599; the last 10 are quarters 590...599.
        let p = try plots(
            """
            a = request.security_lower_tf(syminfo.tickerid, "15", bar_index, calc_bars_count = 10)
            plot(a.size(), "size")
            plot(a.size() > 0 ? a.first() : na, "first")
            """, timeframe: "60")
        var size: [Double] = [], first: [Double] = []
        for hour in 0..<150 {
            let kept = (hour * 4..<(hour * 4 + 4)).filter { $0 >= 590 }
            size.append(Double(kept.count))
            first.append(kept.first.map { Double($0 - 590) } ?? .nan)
        }
        XCTAssertTrue(ScriptHarness.same(p["size"], size), "\(p["size"]?.suffix(4) ?? [])")
        XCTAssertTrue(ScriptHarness.same(p["first"], first), "\(p["first"]?.suffix(4) ?? [])")
    }

    func testANonPositiveCountIsRefusedAtTheCall() {
        let message =
            ScriptHarness.failure {
                try self.plots("plot(request.security(syminfo.tickerid, \"60\", close, calc_bars_count = 0))")
            } ?? ""
        XCTAssertTrue(message.contains("c.pine:3:6"), message)
        XCTAssertTrue(message.contains("calc_bars_count must be a positive number of bars, got 0"), message)
    }
}
