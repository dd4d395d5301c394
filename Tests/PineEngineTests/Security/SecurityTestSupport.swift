import PFData
import XCTest

@testable import PineEngine

/// Runs of small indicators on the bundled 15-minute feed, and bars rebuilt
/// here (UTC buckets) to compute the values `request.*` must give.
enum SecurityTestSupport {
    static let quarter: Int64 = 900_000
    static let bars = PineParityFeed.prefix(3_000)

    /// The script's plots by title, on the 15-minute feed at `timeframe`.
    static func run(_ body: String, timeframe: String = "15") throws -> [String: [Double]] {
        try ScriptHarness.run(
            ScriptHarness.source(body, declaration: "indicator(\"sec\")"), fileName: "sec.pine",
            data: PreparedData(store: bars, sourceTimeframe: Timeframe("15"), scriptTimeframe: Timeframe(timeframe))
        ).plotSeries
    }

    /// The error a run of `body` stops with ("" when it runs).
    static func failure(_ body: String, timeframe: String = "15") -> String {
        ScriptHarness.failure { try run(body, timeframe: timeframe) } ?? ""
    }

    /// Bars grouped into UTC buckets of `length` ms.
    struct Buckets {
        let length: Int64
        /// Per source bar: its bucket.
        var ofBar: [Int] = []
        /// Per bucket: its source bars.
        var members: [Range<Int>] = []
        var start: [Int64] = []
        var open: [Double] = []
        var high: [Double] = []
        var low: [Double] = []
        var close: [Double] = []

        init(_ bars: BarStore, length: Int64) {
            self.length = length
            for i in 0..<bars.count {
                let s = (bars.time[i] / length) * length
                if start.last != s {
                    start.append(s)
                    open.append(bars.open[i])
                    high.append(bars.high[i])
                    low.append(bars.low[i])
                    close.append(bars.close[i])
                    members.append(i..<(i + 1))
                } else {
                    let k = start.count - 1
                    high[k] = max(high[k], bars.high[i])
                    low[k] = min(low[k], bars.low[i])
                    close[k] = bars.close[i]
                    members[k] = members[k].lowerBound..<(i + 1)
                }
                ofBar.append(start.count - 1)
            }
        }

        /// lookahead_off: the last bucket ended by chart bar i's close.
        func closed(_ i: Int, _ bars: BarStore) -> Int {
            let end = bars.time[i] + SecurityTestSupport.quarter
            var k = ofBar[i]
            while k >= 0 && start[k] + length > end { k -= 1 }
            return k
        }

        /// The buckets' Heikin Ashi bars, from the documented definitions.
        func heikinAshi() -> (open: [Double], high: [Double], low: [Double], close: [Double]) {
            var o: [Double] = [], h: [Double] = [], l: [Double] = [], c: [Double] = []
            for k in 0..<close.count {
                let haClose = (open[k] + high[k] + low[k] + close[k]) / 4
                let haOpen = k == 0 ? (open[k] + close[k]) / 2 : (o[k - 1] + c[k - 1]) / 2
                o.append(haOpen)
                c.append(haClose)
                h.append(max(high[k], haOpen, haClose))
                l.append(min(low[k], haOpen, haClose))
            }
            return (o, h, l, c)
        }
    }

    static func assertSeries(
        _ actual: [Double]?, _ expected: [Double], _ what: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        guard let actual else { return XCTFail("no plot \(what)", file: file, line: line) }
        XCTAssertEqual(actual.count, expected.count, what, file: file, line: line)
        var defined = 0
        for i in 0..<min(actual.count, expected.count) {
            let a = actual[i]
            let e = expected[i]
            if e.isNaN {
                if !a.isNaN { return XCTFail("\(what) bar \(i): expected na, got \(a)", file: file, line: line) }
            } else {
                defined += 1
                if !(abs(a - e) <= 1e-9 * max(1, abs(e))) {
                    return XCTFail("\(what) bar \(i): expected \(e), got \(a)", file: file, line: line)
                }
            }
        }
        XCTAssertGreaterThan(defined, 0, "\(what) has no value", file: file, line: line)
    }
}
