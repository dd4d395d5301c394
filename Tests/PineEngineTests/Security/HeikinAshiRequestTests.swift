import PFData
import XCTest

@testable import PineEngine

/// `request.*` on `ticker.heikinashi(syminfo.tickerid)`: the requested
/// context's bars are the Heikin Ashi bars of the chart symbol's bars at the
/// requested timeframe. Expected values follow the reference manual's
/// definitions, computed here from buckets of the 15-minute feed:
/// close = (o + h + l + c) / 4; open = (previous open + previous close) / 2,
/// (o + c) / 2 on the first bar; high = max(h, open, close); low = min(l, open, close).
final class HeikinAshiRequestTests: XCTestCase {
    private typealias S = SecurityTestSupport

    func testHeikinAshiBarsAtTheChartAndAHigherTimeframe() throws {
        let bars = S.bars
        let plots = try S.run(
            """
            ha = ticker.heikinashi(syminfo.tickerid)
            plot(request.security(ha, timeframe.period, close), "c")
            plot(request.security(ha, timeframe.period, open), "o")
            [o, h, l, c] = request.security(ha, "60", [open, high, low, close])
            plot(o, "o60")
            plot(h, "h60")
            plot(l, "l60")
            plot(c, "c60")
            plot(request.security(ha, "60", ta.sma(close, 3)), "sma60")
            plot(request.security(syminfo.tickerid, "60", close), "plain60")
            """)
        let quarters = S.Buckets(bars, length: S.quarter)
        let q = quarters.heikinAshi()
        let hours = S.Buckets(bars, length: 3_600_000)
        let ha = hours.heikinAshi()
        var c: [Double] = [], o: [Double] = []
        var o60: [Double] = [], h60: [Double] = [], l60: [Double] = [], c60: [Double] = [], sma: [Double] = []
        var plain: [Double] = []
        for i in 0..<bars.count {
            c.append(q.close[quarters.ofBar[i]])
            o.append(q.open[quarters.ofBar[i]])
            // lookahead_off: the last hour closed by this quarter's close.
            var k = hours.ofBar[i]
            if hours.members[k].upperBound - 1 != i || bars.time[i] + S.quarter != hours.start[k] + hours.length { k -= 1 }
            o60.append(k >= 0 ? ha.open[k] : .nan)
            h60.append(k >= 0 ? ha.high[k] : .nan)
            l60.append(k >= 0 ? ha.low[k] : .nan)
            c60.append(k >= 0 ? ha.close[k] : .nan)
            sma.append(k >= 2 ? (ha.close[k] + ha.close[k - 1] + ha.close[k - 2]) / 3 : .nan)
            plain.append(k >= 0 ? hours.close[k] : .nan)
        }
        S.assertSeries(plots["c"], c, "Heikin Ashi close at the chart's timeframe")
        S.assertSeries(plots["o"], o, "Heikin Ashi open at the chart's timeframe")
        S.assertSeries(plots["o60"], o60, "60 Heikin Ashi open")
        S.assertSeries(plots["h60"], h60, "60 Heikin Ashi high")
        S.assertSeries(plots["l60"], l60, "60 Heikin Ashi low")
        S.assertSeries(plots["c60"], c60, "60 Heikin Ashi close")
        S.assertSeries(plots["sma60"], sma, "ta.sma of the 60 Heikin Ashi closes")
        S.assertSeries(plots["plain60"], plain, "the plain ticker still reads the plain bars")
        // The Heikin Ashi bars are not the plain ones.
        XCTAssertNotEqual(c60.last, plain.last)
    }

    func testHeikinAshiIntrabarsAndTickerIds() throws {
        let bars = S.bars
        let plots = try S.run(
            """
            a = request.security_lower_tf(ticker.heikinashi(syminfo.tickerid), "15", close)
            plot(array.size(a) > 0 ? array.get(a, array.size(a) - 1) : na, "last")
            plot(ticker.new("BINANCE", "ETHUSDT") == "BINANCE:ETHUSDT" ? 1 : 0, "new")
            plot(ticker.standard(ticker.heikinashi("BINANCE:ETHUSDT")) == "BINANCE:ETHUSDT" ? 1 : 0, "standard")
            plot(ticker.heikinashi("BINANCE:ETHUSDT") != "BINANCE:ETHUSDT" ? 1 : 0, "modified")
            """, timeframe: "60")
        let quarters = S.Buckets(bars, length: S.quarter)
        let q = quarters.heikinAshi()
        let hours = S.Buckets(bars, length: 3_600_000)
        let last = hours.members.map { q.close[quarters.ofBar[$0.upperBound - 1]] }
        S.assertSeries(plots["last"], last, "the last 15-minute Heikin Ashi close of each hour")
        let ones = [Double](repeating: 1, count: hours.close.count)
        S.assertSeries(plots["new"], ones, "ticker.new")
        S.assertSeries(plots["standard"], ones, "ticker.standard")
        S.assertSeries(plots["modified"], ones, "ticker.heikinashi")
    }

    func testTickerNewWithASessionIsRefusedAtTheArgument() {
        XCTAssertThrowsError(
            try PineProgram.compile(
                source: """
                    //@version=6
                    indicator("x")
                    t = ticker.new("NASDAQ", "AAPL", "0930-1600")
                    plot(request.security(t, "60", close))
                    """, fileName: "x.pine")
        ) { e in
            XCTAssertTrue("\(e)".contains("x.pine:3:34"), "\(e)")
            XCTAssertTrue("\(e)".contains("session"), "\(e)")
        }
    }
}
