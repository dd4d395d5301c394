import PFData
import XCTest

@testable import PineEngine

/// `request.security` on the bundled 15-minute ETH feed at 60 and 240 minutes
/// and one day. Expected values are computed here from the feed: the
/// requested bars are rebuilt by grouping the 15-minute bars into UTC buckets,
/// and each chart bar's value follows TradingView's documented merge rules
/// (lookahead_off: the last requested bar closed by the chart bar's close;
/// lookahead_on: the requested bar the chart bar opens in; gaps_on: na but
/// where a new value arrives).
final class RequestSecurityTests: XCTestCase {
    private static let quarter = SecurityTestSupport.quarter
    private static let bars = SecurityTestSupport.bars
    private typealias Buckets = SecurityTestSupport.Buckets

    private func run(_ body: String) throws -> [String: [Double]] {
        try SecurityTestSupport.run(body)
    }

    func testLookaheadOffOnAndTheOffsetIdiomAtEachTimeframe() throws {
        let bars = Self.bars
        for (tf, minutes) in [("60", Int64(60)), ("240", 240), ("D", 1440)] {
            let plots = try run(
                """
                plot(request.security(syminfo.tickerid, "\(tf)", close), "off")
                plot(request.security(syminfo.tickerid, "\(tf)", close, lookahead = barmerge.lookahead_on), "on")
                plot(request.security(syminfo.tickerid, "\(tf)", close[1], lookahead = barmerge.lookahead_on), "on1")
                plot(request.security(syminfo.tickerid, "\(tf)", close, barmerge.gaps_on), "gaps")
                """)
            let b = Buckets(bars, length: minutes * 60_000)
            var off: [Double] = []
            var on: [Double] = []
            var on1: [Double] = []
            var gaps: [Double] = []
            for i in 0..<bars.count {
                let k = b.closed(i, bars)
                off.append(k >= 0 ? b.close[k] : .nan)
                let own = b.ofBar[i]
                on.append(b.close[own])
                on1.append(own >= 1 ? b.close[own - 1] : .nan)
                let previous = i > 0 ? b.closed(i - 1, bars) : -1
                gaps.append(k >= 0 && k != previous ? b.close[k] : .nan)
            }
            SecurityTestSupport.assertSeries(plots["off"], off, "\(tf) lookahead_off")
            SecurityTestSupport.assertSeries(plots["on"], on, "\(tf) lookahead_on")
            SecurityTestSupport.assertSeries(plots["on1"], on1, "\(tf) close[1] lookahead_on")
            SecurityTestSupport.assertSeries(plots["gaps"], gaps, "\(tf) gaps_on")
            // The offset idiom equals lookahead_off one chart bar later (no future value).
            for i in 1..<bars.count where !on1[i].isNaN { XCTAssertEqual(on1[i], off[i - 1]) }
        }
    }

    func testTupleTaCallUserFunctionAndAGlobal() throws {
        let bars = Self.bars
        let plots = try run(
            """
            ma = ta.sma(close, 4)
            f(x) => ta.ema(x, 3) * 2
            [o, h] = request.security(syminfo.tickerid, "240", [open, high])
            plot(o, "o")
            plot(h, "h")
            plot(request.security(syminfo.tickerid, "D", ta.sma(close, 3)), "dsma")
            plot(request.security(syminfo.tickerid, "60", f(close)), "ema")
            plot(request.security(syminfo.tickerid, "240", ma), "ma")
            """)
        let h4 = Buckets(bars, length: 240 * 60_000)
        let d = Buckets(bars, length: 86_400_000)
        let h1 = Buckets(bars, length: 3_600_000)
        // EMA seeded with the simple average of its first `length` values, as TradingView does.
        var ema: [Double] = []
        let alpha = 2.0 / 4.0
        for k in 0..<h1.close.count {
            if k < 2 {
                ema.append(.nan)
            } else if k == 2 {
                ema.append((h1.close[0] + h1.close[1] + h1.close[2]) / 3)
            } else {
                ema.append(alpha * h1.close[k] + (1 - alpha) * ema[k - 1])
            }
        }
        var o: [Double] = [], h: [Double] = [], dsma: [Double] = [], e: [Double] = [], ma: [Double] = []
        for i in 0..<bars.count {
            let k4 = h4.closed(i, bars)
            o.append(k4 >= 0 ? h4.open[k4] : .nan)
            h.append(k4 >= 0 ? h4.high[k4] : .nan)
            ma.append(k4 >= 3 ? (h4.close[k4] + h4.close[k4 - 1] + h4.close[k4 - 2] + h4.close[k4 - 3]) / 4 : .nan)
            let kd = d.closed(i, bars)
            dsma.append(kd >= 2 ? (d.close[kd] + d.close[kd - 1] + d.close[kd - 2]) / 3 : .nan)
            let k1 = h1.closed(i, bars)
            e.append(k1 >= 0 ? ema[k1] * 2 : .nan)
        }
        SecurityTestSupport.assertSeries(plots["o"], o, "240 open (tuple)")
        SecurityTestSupport.assertSeries(plots["h"], h, "240 high (tuple)")
        SecurityTestSupport.assertSeries(plots["dsma"], dsma, "1D ta.sma(close, 3)")
        SecurityTestSupport.assertSeries(plots["ema"], e, "60 user function")
        SecurityTestSupport.assertSeries(plots["ma"], ma, "240 global ma")
    }

    func testLowerTimeframeArrays() throws {
        let plots = try runHourly(
            """
            a = request.security_lower_tf(syminfo.tickerid, "15", close)
            plot(array.size(a), "n")
            plot(array.size(a) > 0 ? array.get(a, 0) : na, "first")
            plot(array.size(a) > 0 ? array.get(a, array.size(a) - 1) : na, "last")
            """)
        let bars = Self.bars
        let hours = try bars.aggregated(to: Timeframe(parsing: "60"), from: Timeframe(parsing: "15"))
        var n: [Double] = [], first: [Double] = [], last: [Double] = []
        for i in 0..<hours.bars.count {
            let r = hours.subBars(of: i)
            n.append(Double(r.count))
            first.append(bars.close[r.lowerBound])
            last.append(bars.close[r.upperBound - 1])
        }
        SecurityTestSupport.assertSeries(plots["n"], n, "sizes")
        SecurityTestSupport.assertSeries(plots["first"], first, "first")
        SecurityTestSupport.assertSeries(plots["last"], last, "last")
    }

    private func runHourly(_ body: String) throws -> [String: [Double]] {
        try SecurityTestSupport.run(body, timeframe: "60")
    }

    /// A wrapper function's parameters are computed again in the requested
    /// context: `len` is the constant given at each call, `src` the caller's
    /// series (a global computed on the requested bars); a caller's local
    /// variable declared inside an `if` is refused.
    func testParametersOfAWrapperFunction() throws {
        let bars = Self.bars
        let plots = try run(
            """
            htfSma(string tf, int len) => request.security(syminfo.tickerid, tf, ta.sma(close, len))
            noRepaint(sym, tf, src) => request.security(sym, tf, src[barstate.isrealtime ? 1 : 0])[barstate.isrealtime ? 0 : 1]
            outer(int n) => htfSma("60", n + 1)
            ma = ta.sma(close, 2)
            plot(htfSma("240", 2), "s2")
            plot(htfSma("60", 3), "s3")
            plot(outer(2), "outer")
            plot(noRepaint(syminfo.tickerid, "60", ma), "nr")
            """)
        let h4 = Buckets(bars, length: 240 * 60_000)
        let h1 = Buckets(bars, length: 3_600_000)
        func sma(_ c: [Double], _ k: Int, _ n: Int) -> Double {
            k >= n - 1 ? (0..<n).map { c[k - $0] }.reduce(0, +) / Double(n) : .nan
        }
        var s2: [Double] = [], s3: [Double] = [], nr: [Double] = []
        for i in 0..<bars.count {
            let k4 = h4.closed(i, bars)
            s2.append(k4 >= 0 ? sma(h4.close, k4, 2) : .nan)
            let k1 = h1.closed(i, bars)
            s3.append(k1 >= 0 ? sma(h1.close, k1, 3) : .nan)
            // Not realtime: the requested ma (2-bar SMA of hourly closes), one chart bar back.
            let kPrev = i >= 1 ? h1.closed(i - 1, bars) : -1
            nr.append(kPrev >= 0 ? sma(h1.close, kPrev, 2) : .nan)
        }
        SecurityTestSupport.assertSeries(plots["s2"], s2, "240 sma(2) through a wrapper")
        SecurityTestSupport.assertSeries(plots["s3"], s3, "60 sma(3) through a wrapper")
        SecurityTestSupport.assertSeries(plots["outer"], s3, "a wrapper's parameter from its caller's parameter")
        SecurityTestSupport.assertSeries(plots["nr"], nr, "the non-repainting wrapper")
        XCTAssertThrowsError(
            try PineProgram.compile(
                source: """
                    //@version=6
                    indicator("x")
                    f(src) => request.security(syminfo.tickerid, "60", src)
                    g() =>
                        float out = na
                        if close > open
                            local = close * 2
                            out := f(local)
                        out
                    plot(g())
                    """,
                fileName: "x.pine")
        ) { e in XCTAssertTrue("\(e)".contains("'local'"), "\(e)") }
    }

    func testRefusalsAreLocated() throws {
        // Another symbol without data: a run-time error naming the ticker, at the call.
        let program = try PineProgram.compile(
            source: "//@version=6\nindicator(\"x\")\nplot(request.security(\"BINANCE:BTCUSDT\", \"60\", close))\n",
            fileName: "x.pine")
        let data = try PreparedData(store: Self.bars, sourceTimeframe: Timeframe("15"))
        XCTAssertThrowsError(try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)) { e in
            let text = "\(e)"
            XCTAssertTrue(text.contains("x.pine:3:6"), text)
            XCTAssertTrue(text.contains("BINANCE:BTCUSDT"), text)
            XCTAssertTrue(text.contains("--symbol-data"), text)
        }
        // A finer timeframe than the data's.
        let finer = try PineProgram.compile(
            source: "//@version=6\nindicator(\"x\")\nplot(request.security(syminfo.tickerid, \"5\", close))\n",
            fileName: "x.pine")
        XCTAssertThrowsError(try ScriptRunner(program: finer, data: data).run(RunOptions(), recordPlots: true)) { e in
            XCTAssertTrue("\(e)".contains("finer than the data's 15"), "\(e)")
        }
        // A var global read by the expression.
        XCTAssertThrowsError(
            try PineProgram.compile(
                source: "//@version=6\nindicator(\"x\")\nvar c = 0\nc += 1\nplot(request.security(syminfo.tickerid, \"60\", c))\n",
                fileName: "x.pine")
        ) { e in XCTAssertTrue("\(e)".contains("x.pine:5:"), "\(e)") }
    }

    func testOtherSymbolMappedToAFile() throws {
        // The same feed registered under another ticker reads like the chart's own symbol.
        let data = try PreparedData(store: Self.bars, sourceTimeframe: Timeframe("15"))
        data.security.register(ticker: "BTCUSDT", source: .init(bars: Self.bars, timeframe: try Timeframe(parsing: "15")))
        let program = try PineProgram.compile(
            source: """
                //@version=6
                indicator("x")
                plot(request.security("BINANCE:BTCUSDT", "60", close), "other")
                plot(request.security(syminfo.tickerid, "60", close), "own")
                """, fileName: "x.pine")
        let result = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
        let other = result.plots.first { $0.title == "other" }?.values ?? []
        let own = result.plots.first { $0.title == "own" }?.values ?? []
        XCTAssertEqual(other.count, Self.bars.count)
        XCTAssertTrue(zip(other, own).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
    }
}
