import PFData
import XCTest

@testable import PineEngine

/// A requested expression that reads local variables of the function (or
/// block) holding the request: TradingView carries the expression's whole
/// dependency chain into the requested context, so each local is computed
/// again there from its declaration, on the requested bars. Expected values
/// are computed here on hourly and 4-hour buckets of the 15-minute feed and
/// merged by the documented lookahead_off rule (the last requested bar
/// closed by the chart bar's close).
final class RequestSecurityLocalsTests: XCTestCase {
    private typealias S = SecurityTestSupport

    private func sma(_ xs: [Double], _ k: Int, _ n: Int) -> Double {
        guard k >= n - 1 else { return .nan }
        var total = 0.0
        for j in (k - n + 1)...k {
            if xs[j].isNaN { return .nan }
            total += xs[j]
        }
        return total / Double(n)
    }

    /// Per chart bar, the bucket `lookahead_off` shows (-1: none yet).
    private func closedIndex(_ b: S.Buckets, _ bars: BarStore) -> [Int] {
        (0..<bars.count).map { i in
            let end = bars.time[i] + S.quarter
            var k = b.ofBar[i]
            while k >= 0 && b.start[k] + b.length > end { k -= 1 }
            return k
        }
    }

    func testLocalsOfTheFunctionAreComputedAgainInTheRequestedContext() throws {
        let bars = S.bars
        let plots = try S.run(
            """
            m = close * 1000
            ratioSma(int len, int back) =>
                float r = close / close[1]
                float m = ta.sma(r, len)
                [p0, p1, pb] = request.security(syminfo.tickerid, "60", [m, m[1], m[back]])
                [p0, p1, pb]
            [a0, a1, ab] = ratioSma(3, 2)
            plot(a0, "m0")
            plot(a1, "m1")
            plot(ab, "mb")
            plot(request.security(syminfo.tickerid, "60", m), "global")
            width(int n) =>
                [mid, up, lo] = ta.bb(close, n, 2)
                request.security(syminfo.tickerid, "240", up - lo)
            plot(width(4), "bbw")
            f(src) => request.security(syminfo.tickerid, "60", src)
            g(int len) =>
                src = ta.sma(close, len)
                f(src)
            plot(g(2), "shadow")
            x = close * 10
            h() =>
                s = x * 2
                x = open
                [request.security(syminfo.tickerid, "60", s), x]
            [hs, hx] = h()
            plot(hs, "asDeclared")
            """)
        let h1 = S.Buckets(bars, length: 3_600_000)
        let h4 = S.Buckets(bars, length: 4 * 3_600_000)
        let r = h1.close.indices.map { $0 >= 1 ? h1.close[$0] / h1.close[$0 - 1] : Double.nan }
        let m = r.indices.map { sma(r, $0, 3) }
        let width = h4.close.indices.map { k -> Double in
            guard k >= 3 else { return .nan }
            let xs = h4.close[(k - 3)...k]
            let mean = xs.reduce(0, +) / 4
            let variance = xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4
            return 2 * 2 * variance.squareRoot()
        }
        var m0: [Double] = [], m1: [Double] = [], mb: [Double] = [], global: [Double] = [], bbw: [Double] = []
        var shadow: [Double] = [], asDeclared: [Double] = []
        let c1 = closedIndex(h1, bars)
        let c4 = closedIndex(h4, bars)
        for i in 0..<bars.count {
            let k = c1[i]
            m0.append(k >= 0 ? m[k] : .nan)
            m1.append(k >= 1 ? m[k - 1] : .nan)
            mb.append(k >= 2 ? m[k - 2] : .nan)
            global.append(k >= 0 ? h1.close[k] * 1000 : .nan)
            shadow.append(k >= 0 ? sma(h1.close, k, 2) : .nan)
            asDeclared.append(k >= 0 ? h1.close[k] * 10 * 2 : .nan)
            let k4 = c4[i]
            bbw.append(k4 >= 0 ? width[k4] : .nan)
        }
        S.assertSeries(plots["m0"], m0, "a local reading another local, on hourly bars")
        S.assertSeries(plots["m1"], m1, "its history")
        S.assertSeries(plots["mb"], mb, "its history at a parameter's offset")
        S.assertSeries(plots["global"], global, "a global of the same name as a local")
        S.assertSeries(plots["bbw"], bbw, "a tuple local from ta.bb, on 4-hour bars")
        S.assertSeries(plots["shadow"], shadow, "a caller's local passed to a parameter of the same name")
        S.assertSeries(plots["asDeclared"], asDeclared, "a local reads the names as they were at its declaration")
        XCTAssertNotEqual(bbw.last, bbw.first)
    }

    func testLocalsThatCannotBeComputedAgainAreRefusedAtTheExpression() {
        let cases: [(String, String, String)] = [
            (
                """
                x = 0.0
                if close > open
                    y = close * 2
                    x := request.security(syminfo.tickerid, "60", y)
                plot(x)
                """, "sec.pine:6:51", "declared inside an if"
            ),
            (
                """
                f() =>
                    var float total = 0.0
                    total += close
                    request.security(syminfo.tickerid, "60", total)
                plot(f())
                """, "sec.pine:6:46", "'total'"
            ),
            (
                """
                f() =>
                    float s = close
                    s := s * 2
                    request.security(syminfo.tickerid, "60", s)
                plot(f())
                """, "sec.pine:6:46", ":="
            ),
            (
                """
                f() =>
                    a = array.from(close)
                    request.security(syminfo.tickerid, "60", array.get(a, 0))
                plot(f())
                """, "sec.pine:5:46", "array"
            ),
        ]
        for (body, location, reason) in cases {
            let text = S.failure(body)
            XCTAssertTrue(text.contains(location), "\(location): \(text)")
            XCTAssertTrue(text.contains(reason), "\(reason): \(text)")
        }
    }
}
