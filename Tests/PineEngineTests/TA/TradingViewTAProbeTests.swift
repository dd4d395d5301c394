import Foundation
import Testing

import PineEngine

/// TradingView's own log output for small synthetic probe scripts (the `test_*.txt` notes in
/// `Fixtures/tradingview/ta`; their origin is in `Fixtures/tradingview/README.md`). Each probe amplifies the last
/// bits of a result (`(value - reference) * 1e15`), so these tests pin TradingView's exact
/// rounding, tolerance and `na` rules, not just values within 1e-5.
@Suite("TradingView ta.* probes")
struct TradingViewTAProbeTests {
    /// The logged lines of a probe, without their timestamp prefix.
    private func lines(_ name: String) throws -> [String] {
        let url = TAFixture.directory("ta").appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).map { line in
            guard let range = line.range(of: "]: ") else { return String(line) }
            return String(line[range.upperBound...])
        }
    }

    private func number(_ text: Substring) -> Double {
        text == "NaN" ? .nan : (Double(text) ?? .infinity)
    }

    /// Logged numbers carry at most 3 decimals.
    private func same(_ computed: Double, _ logged: Double) -> Bool {
        if computed.isNaN || logged.isNaN { return computed.isNaN && logged.isNaN }
        return abs(computed - logged) <= 0.0005 + 1e-9 * abs(logged)
    }

    @Test func emaRmaExact() throws {
        let logged = try lines("test_245_ema_rma_exact.txt")
        #expect(logged.count == 2)
        var k1 = EMAState(), k2 = EMAState(), k3 = RMAState(), k4 = RMAState()
        var k5 = EMAState(), k6 = RMAState(), k7 = EMAState()
        var row = 0
        for bar in 0..<12 {
            let a = 100.0 + Double(bar % 7) / 3.0
            let g = bar % 3 == 0 ? Double.nan : a
            let values = [
                k1.update(a, length: 3), k2.update(a, length: 5), k3.update(a, length: 3),
                k4.update(a, length: 5), k5.update(g, length: 4), k6.update(g, length: 4),
                k7.update(a, length: 1),
            ]
            guard bar >= 10 else { continue }
            let references: [Double] =
                bar == 10
                ? [100.8125, 100.79423868312757, 100.80724483056444, 100.79716266666667, 100.696,
                    100.734375, 101.0]
                : [101.07291666666666, 100.97393689986282, 100.98260766482075, 100.9043968,
                    100.95093333333332, 100.88411458333333, 101.33333333333333]
            let expected = logged[row].split(separator: "|").map(number)
            row += 1
            #expect(expected.count == 7)
            for (i, e) in expected.enumerated() {
                let amplified = (values[i] - references[i]) * 1e15
                #expect(same(amplified, e), "bar \(bar) k\(i + 1): \(amplified) vs \(e)")
            }
        }
    }

    @Test func wmaExact() throws {
        let logged = try lines("test_246_wma_exact.txt")
        var k1 = WMAState(), k2 = WMAState(), k3 = WMAState(), k4 = WMAState(), k5 = HMAState()
        var row = 0
        for bar in 0..<12 {
            let a = 100.0 + Double(bar % 7) / 3.0
            let g = bar % 3 == 0 ? Double.nan : a
            let values = [
                k1.update(a, length: 3), k2.update(a, length: 5), k3.update(g, length: 4),
                k4.update(a, length: 1), k5.update(a, length: 4),
            ]
            guard bar >= 10 else { continue }
            let references: [Double] =
                bar == 10
                ? [100.77777777777779, 100.71111111111112, 100.56666666666666, 101.0,
                    100.92222222222223]
                : [101.11111111111113, 100.88888888888889, 100.93333333333332, 101.33333333333333,
                    101.33333333333333]
            let expected = logged[row].split(separator: "|").map(number)
            row += 1
            #expect(expected.count == 5)
            for (i, e) in expected.enumerated() {
                let amplified = (values[i] - references[i]) * 1e15
                #expect(same(amplified, e), "bar \(bar) k\(i + 1): \(amplified) vs \(e)")
            }
        }
    }

    @Test func varianceStdevExact() throws {
        let expected = try lines("test_243_variance_stdev_exact.txt")[0].split(separator: "/")
            .map(number)
        #expect(expected.count == 7)
        var v = VarianceState(), vu = VarianceState(), s = StdevState(), su = StdevState()
        var d = DevState(), vc = VarianceState(), sc = StdevState()
        var computed: [Double] = []
        for bar in 0...8 {
            let c = 100.0 + Double(bar % 4)
            let cc = 100_000_000.0 + Double(bar % 2) * 0.001
            let a = v.update(c, length: 4)
            let b = vu.update(c, length: 4, biased: false)
            let e = s.update(c, length: 4)
            let f = su.update(c, length: 4, biased: false)
            let g = d.update(c, length: 4)
            let h = vc.update(cc, length: 4)
            let k = sc.update(cc, length: 4)
            if bar == 8 {
                computed = [
                    a, (b * 3 - 5) * 1e16, (e * e - 1.25) * 1e16, (f * f * 3 - 5) * 1e16, g, h,
                    (k * k - h) * 1e16,
                ]
            }
        }
        for (i, e) in expected.enumerated() {
            #expect(same(computed[i], e), "value \(i): \(computed[i]) vs \(e)")
        }
    }

    @Test func correlationExact() throws {
        let logged = try lines("test_244_correlation_exact.txt")
        var c1 = CorrelationState(), c2 = CorrelationState(), c3 = CorrelationState()
        var c4 = CorrelationState(), c5 = CorrelationState(), c6 = CorrelationState()
        var row = 0
        for bar in 0..<10 {
            let a = 100.0 + Double(bar % 4)
            let b = Double(bar)
            let lo = 0.000005 * Double(bar % 4)
            let hi = 0.00001 * Double(bar % 4)
            let g = bar % 3 == 0 ? Double.nan : a
            let k1 = c1.update(a, b, length: 4)
            let k2 = c2.update(a, 100.0, length: 4)
            let k3 = c3.update(a, b, length: 1)
            let k4 = c4.update(lo, lo * 2, length: 4)
            let k5 = c5.update(hi, hi * 2, length: 4)
            let k6 = c6.update(g, b, length: 4)
            guard bar >= 8 else { continue }
            let r1 = bar == 8 ? -0.2 : -0.6
            let r6 = bar == 8 ? -36.51483716701107 : -110.27480824437345
            let values = [(k1 - r1) * 1e17, k2, k3, k4, k5, (k6 - r6) * 1e14]
            let expected = logged[row].split(separator: "/").map(number)
            row += 1
            for (i, e) in expected.enumerated() {
                #expect(same(values[i], e), "bar \(bar) k\(i + 1): \(values[i]) vs \(e)")
            }
        }
    }

    @Test func percentileAndChangeExact() throws {
        // "li a/b/c/d/e/f nr a/b/c/d/e/f chg x/y"
        let words = try lines("test_242_percentile_change_exact.txt")[0].split(separator: " ")
        #expect(words.count == 6)
        let li = words[1].split(separator: "/").map(number)
        let nr = words[3].split(separator: "/").map(number)
        let chg = words[5].split(separator: "/").map(number)
        let liPercent: [Double] = [0, 12.5, 25, 37.5, 50, 100]
        let nrPercent: [Double] = [0, 25, 26, 50, 51, 100]
        var liStates = [PercentileLinearInterpolationState](repeating: .init(), count: 6)
        var nrStates = [PercentileNearestRankState](repeating: .init(), count: 6)
        var tinyChange = ChangeState(), bigChange = ChangeState()
        for bar in 0...8 {
            let c = 100.0 + Double(bar % 4)
            var liValues: [Double] = [], nrValues: [Double] = []
            for i in 0..<6 {
                liValues.append(liStates[i].update(c, length: 4, percentage: liPercent[i]) - 100)
                nrValues.append(nrStates[i].update(c, length: 4, percentage: nrPercent[i]) - 100)
            }
            let tiny = bar % 2 == 0 ? 0.001 : 0.001 + 1e-15
            let big = bar % 2 == 0 ? 100.0 : 100.0 + 1e-12
            let t = tinyChange.update(tiny) * 1e15
            let b = bigChange.update(big) * 1e12
            guard bar == 8 else { continue }
            for i in 0..<6 {
                #expect(same(liValues[i], li[i]), "li \(liPercent[i]): \(liValues[i]) vs \(li[i])")
                #expect(same(nrValues[i], nr[i]), "nr \(nrPercent[i]): \(nrValues[i]) vs \(nr[i])")
            }
            #expect(same(t, chg[0]) && same(b, chg[1]), "chg \(t)/\(b) vs \(chg)")
        }
    }

    @Test func tolerantVersusExactComparisons() throws {
        let logged = try lines("test_241_tolerant_compare.txt")
        #expect(logged.count == 6)
        var riseSub = RisingState(), riseSup = RisingState()
        var fallSub = FallingState(), fallSup = FallingState()
        var prankSub = PercentRankState(), prankSup = PercentRankState()
        var cmo = CMOState(), mfi = MFIState(), highest = HighestState()
        var highestBars = HighestBarsState(), crossover = CrossoverState()
        var row = 0
        for bar in 0..<18 {
            let base = 100.0
            let r = bar % 2 == 0 ? base : base + 1e-12
            let rc = bar % 2 == 0 ? base : base + 1e-8
            let u = bar % 3 == 1 ? base + 1e-12 : base
            let uc = bar % 3 == 1 ? base + 1e-8 : base
            let computed: [String] = [
                "rise", "\(riseSub.update(r, length: 1))/\(riseSup.update(rc, length: 1))",
                "fall", "\(fallSub.update(r, length: 1))/\(fallSup.update(rc, length: 1))",
                "prank",
                "\(prankSub.update(u, length: 5))/\(prankSup.update(uc, length: 5))",
                "cmo", "\(cmo.update(r, length: 4))",
                "mfi", "\(mfi.update(r, volume: 1, length: 4))",
                "hi", "\((highest.update(u, length: 3) - base) * 1e12)",
                "hib", "\(highestBars.update(u, length: 3))",
                "xover", "\(crossover.update(u, base))",
            ]
            guard bar >= 12 else { continue }
            let expected = logged[row].split(separator: " ").map(String.init)
            row += 1
            #expect(expected.count == computed.count)
            for (c, e) in zip(computed, expected) {
                let ok: Bool
                if c.contains("/") {
                    let cs = c.split(separator: "/"), es = e.split(separator: "/")
                    ok = cs.count == es.count && zip(cs, es).allSatisfy { pair in
                        pair.0 == pair.1 || same(number(pair.0), number(pair.1))
                    }
                } else {
                    ok = c == e || same(number(Substring(c)), number(Substring(e)))
                        || (c == "nan" && e == "NaN")
                }
                #expect(ok, "bar \(bar): \(c) vs \(e)")
            }
        }
    }

    @Test func crossOnAdjacentBars() throws {
        let logged = try lines("test_112_cross_adjacent.txt")
        #expect(logged.count == 10)
        var cross = CrossState(), over = CrossoverState(), under = CrossunderState()
        var row = 0
        for bar in 0..<13 {
            let a = bar % 2 == 0 ? 1.0 : -1.0
            let c = cross.update(a, 0), o = over.update(a, 0), u = under.update(a, 0)
            guard bar >= 3 else { continue }
            let line = "a=\(Int(a)) cross=\(c) over=\(o) under=\(u)"
            #expect(line == logged[row], "bar \(bar)")
            row += 1
        }
    }
}
