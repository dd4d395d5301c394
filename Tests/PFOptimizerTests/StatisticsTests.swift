import Foundation
import PineLanguage
import Testing

@testable import PFOptimizer

/// Gaussian draws for synthetic return matrices (Box-Muller on the seeded generator).
struct GaussianSource {
    var g: SeededGenerator
    init(seed: UInt64) { g = SeededGenerator(seed: seed) }
    mutating func next(mean: Double = 0, sd: Double = 1) -> Double {
        let u1 = max(Double(g.next() >> 11) / 9_007_199_254_740_992, 1e-300)
        let u2 = Double(g.next() >> 11) / 9_007_199_254_740_992
        return mean + sd * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}

@Suite struct StatisticsTests {
    @Test func normalQuantileAndCDFMatchTabulatedValues() {
        // Tabulated: Q(0.975) = 1.959963984540054, Q(0.99) = 2.3263478740408408.
        #expect(abs(NormalDistribution.quantile(0.975) - 1.959963984540054) < 1e-12)
        #expect(abs(NormalDistribution.quantile(0.99) - 2.3263478740408408) < 1e-12)
        #expect(abs(NormalDistribution.quantile(1e-6) + 4.753424308822899) < 1e-9)
        #expect(abs(NormalDistribution.cdf(1.959963984540054) - 0.975) < 1e-14)
        #expect(NormalDistribution.cdf(0) == 0.5)
    }

    @Test func momentsOfAWorkedExample() {
        // 1, 2, 3, 4, 10: mean 4; deviations -3 -2 -1 0 6; sums of powers 50, 180, 1394.
        let m = SampleMoments([1.0, 2, 3, 4, 10])
        #expect(m.mean == 4)
        #expect(abs(m.standardDeviation - (50.0 / 4).squareRoot()) < 1e-12)
        #expect(abs(m.skewness - 36 / pow(10, 1.5)) < 1e-12)
        #expect(abs(m.kurtosis - 278.8 / 100) < 1e-12)
        #expect(abs(m.sharpe - 4 / 12.5.squareRoot()) < 1e-12)
    }

    /// The published example: an annualised Sharpe of 2.5 over 1,250 daily
    /// observations, skewness -3, kurtosis 10, best of 100 trials whose
    /// annualised Sharpe ratios vary by 0.5: the expected maximum is 0.1132
    /// per day and the deflated Sharpe ratio 0.9004.
    @Test func deflatedSharpeReproducesThePublishedExample() {
        let d = DeflatedSharpe(
            trials: 100, sharpePerPeriod: 2.5 / 250.0.squareRoot(), observations: 1250, skewness: -3, kurtosis: 10,
            trialsSharpeVariance: 0.5 / 250)
        #expect(abs(d.expectedMaxSharpe - 0.11317200186513214) < 1e-9)
        #expect(abs(d.probability - 0.9003968344493904) < 1e-9)
        // One trial: no deflation, the benchmark is 0.
        let single = DeflatedSharpe(trials: 1, sharpePerPeriod: 0.1, observations: 101, skewness: 0, kurtosis: 3,
                                    trialsSharpeVariance: 0)
        let z = 0.1 * 100.0.squareRoot() / (1 + 0.5 * 0.01).squareRoot()
        #expect(abs(single.probability - NormalDistribution.cdf(z)) < 1e-12)
    }

    /// A direct, slow computation of the same statistic: concatenate the
    /// blocks of each half, compute every Sharpe ratio from scratch, sort.
    static func bruteForcePBO(_ rows: [[Float]], splits s: Int) -> (value: Double, logits: [Double]) {
        let t = rows[0].count
        let blocks = (0..<s).map { k in (k * t / s)..<((k + 1) * t / s) }
        func sharpe(_ v: [Double]) -> Double {
            let n = Double(v.count)
            let mean = v.reduce(0, +) / n
            let variance = v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)
            return variance > 1e-30 ? mean / variance.squareRoot() : 0
        }
        var logits: [Double] = []
        for mask in 0..<(1 << s) where mask.nonzeroBitCount == s / 2 {
            var train: [Double] = []
            var test: [Double] = []
            for (j, row) in rows.enumerated() {
                var a: [Double] = []
                var b: [Double] = []
                for k in 0..<s {
                    for i in blocks[k] {
                        if mask & (1 << k) != 0 { a.append(Double(row[i])) } else { b.append(Double(row[i])) }
                    }
                }
                train.append(sharpe(a))
                test.append(sharpe(b))
                _ = j
            }
            let best = train.indices.max { train[$0] < train[$1] || (train[$0] == train[$1] && $0 > $1) } ?? 0
            let order = test.indices.sorted { test[$0] < test[$1] }
            let rank = Double((order.firstIndex(of: best) ?? 0) + 1)
            let w = rank / Double(rows.count + 1)
            logits.append(log(w / (1 - w)))
        }
        return (Double(logits.filter { $0 <= 0 }.count) / Double(logits.count), logits)
    }

    @Test func overfittingProbabilityMatchesADirectComputation() throws {
        var g = GaussianSource(seed: 7)
        let rows = (0..<9).map { j in (0..<60).map { _ in Float(g.next(mean: 0.0002 * Double(j), sd: 0.01)) } }
        let fast = try OverfittingProbability(rows: rows, splits: 8)
        let slow = Self.bruteForcePBO(rows, splits: 8)
        #expect(fast.combinations == 70)
        #expect(fast.logits.count == 70)
        #expect(fast.value == slow.value)
        for (a, b) in zip(fast.logits, slow.logits) { #expect(abs(a - b) < 1e-9) }
    }

    @Test func overfittingProbabilityOfAWorkedSplit() throws {
        // Two blocks, three strategies: A wins the first block and loses the
        // second, B the reverse, C is middling in both. Train on block 1 ->
        // A wins, ranks 1 of 3 in block 2: w = 1/4, logit ln(1/3). Train on
        // block 2 -> B wins, ranks 1 in block 1: the same. PBO = 1.
        let a: [Float] = [0.02, 0.03, 0.02, 0.03, -0.02, -0.01, -0.02, -0.01]
        let b: [Float] = [-0.02, -0.01, -0.02, -0.01, 0.02, 0.03, 0.02, 0.03]
        let c: [Float] = [0.0, 0.01, 0.0, 0.01, 0.0, 0.01, 0.0, 0.01]
        let p = try OverfittingProbability(rows: [a, b, c], splits: 2)
        #expect(p.combinations == 2)
        #expect(p.value == 1)
        for l in p.logits { #expect(abs(l - log(1.0 / 3)) < 1e-12) }
        #expect(p.probabilityOfLoss == 1)
    }

    @Test func noEdgeIsOverfitAndAPlantedEdgeIsNot() throws {
        var g = GaussianSource(seed: 11)
        let n = 60
        let t = 640
        let noise = (0..<n).map { _ in (0..<t).map { _ in Float(g.next(sd: 0.01)) } }
        let edge = (0..<n).map { j in (0..<t).map { _ in Float(g.next(mean: 0.00005 * Double(j), sd: 0.01)) } }
        let pNoise = try OverfittingProbability(rows: noise, splits: 16)
        let pEdge = try OverfittingProbability(rows: edge, splits: 16)
        #expect(pNoise.combinations == 12870)
        #expect(pNoise.value > 0.3)
        #expect(pEdge.value < 0.05)

        func dsr(_ rows: [[Float]]) -> Double {
            let sharpes = rows.map { SampleMoments($0).sharpe }
            let best = sharpes.indices.max { sharpes[$0] < sharpes[$1] } ?? 0
            let v = SampleMoments(sharpes).standardDeviation
            return DeflatedSharpe(trials: rows.count, returns: rows[best], trialsSharpeVariance: v * v).probability
        }
        #expect(dsr(noise) < 0.5)
        // A strong planted edge: the best strategy's mean is 0.3 sd per period.
        let strong = (0..<n).map { j in (0..<t).map { _ in Float(g.next(mean: 0.003 * Double(j) / Double(n - 1), sd: 0.01)) } }
        #expect(dsr(strong) > 0.95)
    }

    @Test func overfittingProbabilityRefusesBadShapes() {
        #expect(throws: OverfittingProbability.Failure.oddOrSmallSplits(5)) {
            try OverfittingProbability(rows: [[0, 1], [1, 0]], splits: 5)
        }
        #expect(throws: OverfittingProbability.Failure.tooFewPeriods(periods: 10, splits: 16)) {
            try OverfittingProbability(rows: [[Float](repeating: 0, count: 10), [Float](repeating: 0, count: 10)])
        }
        #expect(throws: OverfittingProbability.Failure.tooFewStrategies(1)) {
            try OverfittingProbability(rows: [[Float](repeating: 0, count: 40)])
        }
    }

    @Test func periodReturnsCloseEachUTCDay() {
        let day = PeriodReturns.day
        let h = day / 24
        // Day 0: bars at 0h, 12h; day 1: 0h, 12h; day 2: 0h.
        let time: [Int64] = [0, 12 * h, day, day + 12 * h, 2 * day]
        let equity = [100.0, 110, 99, 121, 133.1]
        let r = PeriodReturns.compute(time: time, equity: equity, initialEquity: 100)
        // Day closes: 110, 121, 133.1 after 100.
        #expect(r.count == 3)
        #expect(abs(Double(r[0]) - 0.1) < 1e-6)
        #expect(abs(Double(r[1]) - 0.1) < 1e-6)
        #expect(abs(Double(r[2]) - 0.1) < 1e-6)
        // From day 1: the base is the equity just before (110).
        let w = PeriodReturns.compute(time: time, equity: equity, initialEquity: 100, from: day, to: 2 * day)
        #expect(w.count == 1)
        #expect(abs(Double(w[0]) - 0.1) < 1e-6)
    }

    @Test func monteCarloShuffleKeepsTheSumAndIsSeeded() {
        let pnl = [100.0, -50, 30, -80, 120, -10, 40]
        let a = MonteCarloResampling(pnl: pnl, initialCapital: 1000, resamples: 200, seed: 5)
        let b = MonteCarloResampling(pnl: pnl, initialCapital: 1000, resamples: 200, seed: 5)
        #expect(a.shuffle.finalEquity == MonteCarloResampling.Percentiles(p5: 1150, p50: 1150, p95: 1150))
        #expect(a.bootstrap.maxDrawdownPct == b.bootstrap.maxDrawdownPct)
        #expect(a.bootstrap.finalEquity == b.bootstrap.finalEquity)
        // The in-order path: peak 1100 then 1050, 1080, 1000 -> drawdown 100/1100; the worst any order
        // can do is all losses first from 1000: (1000 - 860) / 1000 = 14 %.
        #expect(a.shuffle.maxDrawdownPct.p95 <= 14 + 1e-9)
        #expect(a.shuffle.fanTrades.first == 0 && a.shuffle.fanTrades.last == pnl.count)
        #expect(a.shuffle.fan.last?.p50 == 1150)
        // Equal trades: every bootstrap draw ends at the same place with no drawdown.
        let flat = MonteCarloResampling(pnl: [10, 10, 10], initialCapital: 100, resamples: 50, seed: 1)
        #expect(flat.bootstrap.finalEquity.p5 == 130 && flat.bootstrap.maxDrawdownPct.p95 == 0)
        // A losing streak of two within one order: 0 then -10, -10 -> longest 2.
        let losers = MonteCarloResampling(pnl: [-10, -10], initialCapital: 100, resamples: 10, seed: 1)
        #expect(losers.shuffle.longestDrawdownTrades.p50 == 2)
        #expect(abs(losers.shuffle.maxDrawdownPct.p50 - 20) < 1e-12)
    }

    @Test func percentilesInterpolateBetweenOrderStatistics() {
        let v = (1...11).map(Double.init)
        let p = MonteCarloResampling.percentiles(v)
        #expect(p.p50 == 6)
        #expect(abs(p.p5 - 1.5) < 1e-12)
        #expect(abs(p.p95 - 10.5) < 1e-12)
    }

    static func dimension(_ name: String, _ lo: Int, _ hi: Int) -> ParameterDimension {
        ParameterDimension(name: name, kind: .int, values: .intRange(lo: lo, hi: hi, step: 1, log: false))
    }

    @Test func plateauEdgesSensitivityAndHeatmap() {
        let dims = [Self.dimension("x", 0, 4), Self.dimension("y", 10, 14)]
        var cloud = RunCloud(axes: dims.map(SearchLevels.init))
        for x in 0...4 {
            for y in 10...14 {
                let v = -Double((x - 2) * (x - 2) + (y - 12) * (y - 12))
                cloud.add(values: [.int(x), .int(y)], objective: v)
            }
        }
        let a = PlateauAnalysis(cloud: cloud, winnerValues: [.int(2), .int(12)], winnerObjective: 0, maximize: true)
        // Neighbours: 4 at distance 1 (-1) and 4 diagonal (-2).
        #expect(a.neighbourhood?.runs == 8)
        #expect(a.neighbourhood?.mean == -1.5)
        #expect(a.neighbourhood?.minimum == -2)
        #expect(a.edges.isEmpty)
        // Sensitivity of x: best per level is -(x-2)^2 (y at 12).
        #expect(a.curves[0].best == [-4, -1, 0, -1, -4])
        #expect(a.curves[0].spread == 4)
        #expect(a.heatmaps.count == 1)
        #expect(a.heatmaps[0].best.count == 25)

        var ramp = RunCloud(axes: dims.map(SearchLevels.init))
        for x in 0...4 { for y in 10...14 { ramp.add(values: [.int(x), .int(y)], objective: Double(x + y)) } }
        let r = PlateauAnalysis(cloud: ramp, winnerValues: [.int(4), .int(14)], winnerObjective: 18, maximize: true)
        #expect(r.edges == [.init(input: "x", end: "high", value: "4"), .init(input: "y", end: "high", value: "14")])
        #expect(r.neighbourhood?.runs == 3)
        #expect(r.neighbourhood?.mean == (17.0 + 17 + 16) / 3)
    }

    @Test func longLaddersAreBinned() {
        let d = Self.dimension("n", 1, 1000)
        let levels = SearchLevels(d)
        #expect(levels.isBinned)
        #expect(levels.count == SearchLevels.maximumLevels)
        #expect(levels.level(of: .int(1)) == 0)
        #expect(levels.level(of: .int(1000)) == SearchLevels.maximumLevels - 1)
    }

    @Test func returnSamplerIsAFunctionOfTheRunIndex() {
        let all = ReturnSampler(period: PeriodReturns.day, capacity: 100, planned: 100, seed: 1)
        #expect((0..<100).allSatisfy(all.keeps))
        let some = ReturnSampler(period: PeriodReturns.day, capacity: 1000, planned: 100_000, seed: 1)
        let kept = (0..<100_000).filter(some.keeps).count
        #expect(kept > 850 && kept < 1150)
        let again = ReturnSampler(period: PeriodReturns.day, capacity: 1000, planned: 100_000, seed: 1)
        #expect((0..<5000).filter(again.keeps) == (0..<5000).filter(some.keeps))
    }

    @Test func returnsSurviveTheJournalCoding() {
        let values: [Float] = [0, -0.5, 1e-7, .pi, -1234.5]
        #expect(ReturnsCoding.decode(ReturnsCoding.encode(values)) == values)
        let entry = Journal.Entry(segment: 0, index: 3, status: .ok, metrics: [1, .nan], returns: values)
        let parsed = Journal.parse(line: Journal.format(entry))
        #expect(parsed?.returns == values)
        let plain = Journal.Entry(segment: 0, index: 4, status: .ok, metrics: [2])
        #expect(Journal.format(plain).split(separator: "\t", omittingEmptySubsequences: false).count == 6)
        #expect(Journal.parse(line: Journal.format(plain))?.returns == [])
    }

    @Test func cellsAreWrittenForPeople() {
        #expect(CellFormat.metric(807.0, kind: .count) == "807")
        #expect(CellFormat.metric(1234.5678, kind: .money) == "1234.57")
        #expect(CellFormat.metric(-0.001, kind: .percent) == "0.00")
        #expect(CellFormat.metric(1.234567, kind: .ratio) == "1.235")
        #expect(CellFormat.metric(.nan, kind: .ratio) == "")
        #expect(CellFormat.significant(12345.678, digits: 4) == "12346")
        #expect(CellFormat.significant(0.000123456, digits: 4) == "0.0001235")
        #expect(CellFormat.significant(2.5, digits: 4) == "2.5")
        #expect(CellFormat.price(2363.9900000000002, tick: 0.01) == "2363.99")
        #expect(CellFormat.price(101.26, tick: 0.25) == "101.25")
        #expect(CellFormat.price(17, tick: 1) == "17")
    }
}
