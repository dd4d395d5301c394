import PFData
import XCTest

@testable import PineEngine

/// `request.security` at a timeframe finer than the chart's, and
/// `request.security_lower_tf` with a tuple, on an hourly chart built from
/// the bundled 15-minute feed. Expected values come from the feed: the
/// documented rule is that `request.security` on a lower timeframe returns
/// the value of the last intrabar of each chart bar (with lookahead_on, the
/// intrabar the chart bar opens with), the expression keeping its own
/// history on the intrabars.
final class RequestLowerTimeframeTests: XCTestCase {
    private typealias S = SecurityTestSupport

    func testFinerTimeframeReadsTheLastIntrabar() throws {
        let bars = S.bars
        let plots = try S.run(
            """
            plot(request.security(syminfo.tickerid, "15", close), "c15")
            plot(request.security(syminfo.tickerid, "15", ta.sma(close, 3)), "sma15")
            plot(request.security(syminfo.tickerid, "15", close, lookahead = barmerge.lookahead_on), "on15")
            plot(request.security(syminfo.tickerid, "15", close, barmerge.gaps_on), "gaps15")
            plot(request.security(syminfo.tickerid, "30", high), "h30")
            plot(request.security(syminfo.tickerid, "30", high, lookahead = barmerge.lookahead_on), "on30")
            [o30, l30] = request.security(syminfo.tickerid, "30", [open, low])
            plot(o30, "o30")
            plot(l30, "l30")
            """, timeframe: "60")
        let hours = S.Buckets(bars, length: 3_600_000)
        let halves = S.Buckets(bars, length: 1_800_000)
        var c15: [Double] = [], sma15: [Double] = [], on15: [Double] = []
        var h30: [Double] = [], on30: [Double] = [], o30: [Double] = [], l30: [Double] = []
        for k in 0..<hours.close.count {
            let r = hours.members[k]
            let last = r.upperBound - 1
            c15.append(bars.close[last])
            sma15.append(last >= 2 ? (bars.close[last] + bars.close[last - 1] + bars.close[last - 2]) / 3 : .nan)
            on15.append(bars.close[r.lowerBound])
            // The half hours inside this hour: the last one, and the first one.
            let lastHalf = halves.ofBar[last]
            let firstHalf = halves.ofBar[r.lowerBound]
            h30.append(halves.high[lastHalf])
            on30.append(halves.high[firstHalf])
            o30.append(halves.open[lastHalf])
            l30.append(halves.low[lastHalf])
        }
        S.assertSeries(plots["c15"], c15, "15 close on a 60 chart")
        S.assertSeries(plots["sma15"], sma15, "15 ta.sma(close, 3) on a 60 chart")
        S.assertSeries(plots["on15"], on15, "15 close with lookahead_on")
        S.assertSeries(plots["gaps15"], c15, "15 close with gaps_on (a new value on every chart bar)")
        S.assertSeries(plots["h30"], h30, "30 high")
        S.assertSeries(plots["on30"], on30, "30 high with lookahead_on")
        S.assertSeries(plots["o30"], o30, "30 open (tuple)")
        S.assertSeries(plots["l30"], l30, "30 low (tuple)")
        // The last half hour's high is the higher of the hour's last two quarters.
        for k in 0..<hours.close.count where hours.members[k].count == 4 {
            let last = hours.members[k].upperBound - 1
            XCTAssertEqual(h30[k], max(bars.high[last], bars.high[last - 1]))
        }
    }

    func testFinerThanTheDataIsRefusedAtTheCall() {
        let text = S.failure("x = 1\nplot(request.security(syminfo.tickerid, \"5\", close))")
        XCTAssertTrue(text.contains("sec.pine:4:6"), text)
        XCTAssertTrue(text.contains("finer than the data's 15"), text)
        let lower = S.failure("a = request.security_lower_tf(syminfo.tickerid, \"5\", close)\nplot(array.size(a))")
        XCTAssertTrue(lower.contains("sec.pine:3:5"), lower)
        XCTAssertTrue(lower.contains("finer than the data's 15"), lower)
    }

    func testLowerTimeframeTupleGivesOneArrayPerValue() throws {
        let bars = S.bars
        let plots = try S.run(
            """
            [hs, ls, ups, sm, txt] = request.security_lower_tf(syminfo.tickerid, "15", [high, low, close > open, ta.sma(close, 2), str.tostring(volume)])
            n = array.size(hs)
            plot(n, "n")
            plot(array.size(ls) == n and array.size(ups) == n and array.size(sm) == n and array.size(txt) == n ? 1 : 0, "same")
            plot(n > 0 ? array.max(hs) : na, "hi")
            plot(n > 0 ? array.min(ls) : na, "lo")
            plot(n > 0 ? array.get(ls, 0) : na, "firstLow")
            upCount = 0
            for b in ups
                upCount += b ? 1 : 0
            plot(n > 0 ? upCount : na, "ups")
            plot(n > 0 ? array.get(sm, n - 1) : na, "lastSma")
            plot(n > 0 ? str.tonumber(array.get(txt, n - 1)) : na, "lastVolume")
            """, timeframe: "60")
        let hours = S.Buckets(bars, length: 3_600_000)
        var n: [Double] = [], same: [Double] = [], hi: [Double] = [], lo: [Double] = [], firstLow: [Double] = []
        var ups: [Double] = [], lastSma: [Double] = [], lastVolume: [Double] = []
        for k in 0..<hours.close.count {
            let r = hours.members[k]
            let last = r.upperBound - 1
            n.append(Double(r.count))
            same.append(1)
            hi.append(r.map { bars.high[$0] }.max() ?? .nan)
            lo.append(r.map { bars.low[$0] }.min() ?? .nan)
            firstLow.append(bars.low[r.lowerBound])
            ups.append(Double(r.filter { bars.close[$0] > bars.open[$0] }.count))
            lastSma.append(last >= 1 ? (bars.close[last] + bars.close[last - 1]) / 2 : .nan)
            lastVolume.append(bars.volume[last])
        }
        S.assertSeries(plots["n"], n, "sizes")
        S.assertSeries(plots["same"], same, "every array of the tuple has one value per intrabar")
        S.assertSeries(plots["hi"], hi, "max of the highs = the hour's high")
        S.assertSeries(plots["lo"], lo, "min of the lows = the hour's low")
        S.assertSeries(plots["firstLow"], firstLow, "first low")
        S.assertSeries(plots["ups"], ups, "bool array")
        S.assertSeries(plots["lastSma"], lastSma, "ta.sma on the intrabars")
        for k in lastVolume.indices {
            let a = plots["lastVolume"]?[k] ?? .nan
            XCTAssertEqual(a, lastVolume[k], accuracy: 1e-6 * max(1, lastVolume[k]), "string array, hour \(k)")
        }
    }
}
