import Dispatch
import Foundation

/// The probability of backtest overfitting by combinatorially symmetric
/// cross-validation.
///
/// The period returns of N strategies (one row each, T periods) are cut
/// into S contiguous blocks. For each of the C(S, S/2) ways to pick half the
/// blocks as the training set (the rest is the test set), the strategy with
/// the best training Sharpe ratio is found and its Sharpe rank among all N
/// in the test set is taken as w = rank / (N + 1) (rank 1: the worst). The
/// logit log(w / (1 - w)) is at or below zero when the training winner does
/// no better than the median out of sample; the share of such splits is the
/// probability of overfitting. A linear fit of the winner's test Sharpe on
/// its training Sharpe across splits gives the performance degradation.
public struct OverfittingProbability: Sendable {
    /// The share of splits whose logit is at or below zero.
    public var value: Double
    /// S, the number of blocks.
    public var splits: Int
    /// C(S, S/2), the number of train/test splits.
    public var combinations: Int
    /// The number of strategies (rows).
    public var strategies: Int
    /// One logit per split, in split order.
    public var logits: [Double]
    /// Per split: the training winner's Sharpe in and out of sample.
    public var inSampleSharpe: [Double]
    public var outOfSampleSharpe: [Double]
    /// The least-squares fit outOfSample = intercept + slope * inSample.
    public var degradationSlope: Double
    public var degradationIntercept: Double
    /// The share of splits where the training winner loses out of sample (test Sharpe < 0).
    public var probabilityOfLoss: Double

    /// The errors that make the statistic undefined.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case oddOrSmallSplits(Int)
        case tooFewStrategies(Int)
        case tooFewPeriods(periods: Int, splits: Int)
        case raggedRows

        public var description: String {
            switch self {
            case .oddOrSmallSplits(let s): return "the number of blocks must be even and between 2 and 24, got \(s)"
            case .tooFewStrategies(let n): return "at least 2 runs with return series are needed, got \(n)"
            case .tooFewPeriods(let t, let s):
                return "\(t) return periods are too few for \(s) blocks (at least 2 per block are needed)"
            case .raggedRows: return "the runs' return series differ in length"
            }
        }
    }

    /// Computes the statistic over `rows` (one return series per strategy,
    /// all the same length) cut into `splits` blocks.
    public init(rows: [[Float]], splits: Int = 16) throws(Failure) {
        guard splits >= 2, splits <= 24, splits % 2 == 0 else { throw .oddOrSmallSplits(splits) }
        let n = rows.count
        guard n >= 2 else { throw .tooFewStrategies(n) }
        let t = rows[0].count
        guard rows.allSatisfy({ $0.count == t }) else { throw .raggedRows }
        guard t >= 2 * splits else { throw .tooFewPeriods(periods: t, splits: splits) }

        // Per block and strategy: the sum and the sum of squares.
        var bounds: [Int] = []
        for k in 0...splits { bounds.append(k * t / splits) }
        var blockSum = [Double](repeating: 0, count: splits * n)
        var blockSq = [Double](repeating: 0, count: splits * n)
        var blockCount = [Int](repeating: 0, count: splits)
        for s in 0..<splits { blockCount[s] = bounds[s + 1] - bounds[s] }
        for (j, row) in rows.enumerated() {
            for s in 0..<splits {
                var a = 0.0
                var b = 0.0
                for i in bounds[s]..<bounds[s + 1] {
                    let v = Double(row[i])
                    a += v
                    b += v * v
                }
                blockSum[s * n + j] = a
                blockSq[s * n + j] = b
            }
        }
        let masks = (0..<(UInt32(1) << splits)).filter { $0.nonzeroBitCount == splits / 2 }
        let combos = masks.count
        let results = SplitResults(count: combos)
        let chunk = 64
        let chunks = (combos + chunk - 1) / chunk
        var totalSum = [Double](repeating: 0, count: n)
        var totalSq = [Double](repeating: 0, count: n)
        for s in 0..<splits {
            for j in 0..<n {
                totalSum[j] += blockSum[s * n + j]
                totalSq[j] += blockSq[s * n + j]
            }
        }
        let totals = (sum: totalSum, squares: totalSq)
        let sums = blockSum
        let squares = blockSq
        let counts = blockCount
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var trainSum = [Double](repeating: 0, count: n)
            var trainSq = [Double](repeating: 0, count: n)
            var testSharpe = [Double](repeating: 0, count: n)
            for k in (c * chunk)..<min(combos, (c + 1) * chunk) {
                let r = Self.evaluate(
                    mask: masks[k], n: n, splits: splits, sums: sums, squares: squares, counts: counts,
                    totals: totals, trainSum: &trainSum, trainSq: &trainSq, testSharpe: &testSharpe)
                results.set(k, r)
            }
        }
        let split = results.values
        logits = split.map(\.logit)
        inSampleSharpe = split.map(\.inSample)
        outOfSampleSharpe = split.map(\.outOfSample)
        value = Double(logits.filter { $0 <= 0 }.count) / Double(combos)
        probabilityOfLoss = Double(outOfSampleSharpe.filter { $0 < 0 }.count) / Double(combos)
        self.splits = splits
        combinations = combos
        strategies = n
        (degradationSlope, degradationIntercept) = Self.fit(inSampleSharpe, outOfSampleSharpe)
    }

    /// One split: the training winner, its test rank and its two Sharpe ratios.
    private static func evaluate(
        mask: UInt32, n: Int, splits: Int, sums: [Double], squares: [Double], counts: [Int],
        totals: (sum: [Double], squares: [Double]), trainSum: inout [Double], trainSq: inout [Double], testSharpe: inout [Double]
    ) -> (logit: Double, inSample: Double, outOfSample: Double) {
        for j in 0..<n {
            trainSum[j] = 0
            trainSq[j] = 0
        }
        var trainCount = 0
        var totalCount = 0
        for s in 0..<splits {
            totalCount += counts[s]
            guard mask & (1 << UInt32(s)) != 0 else { continue }
            trainCount += counts[s]
            let base = s * n
            for j in 0..<n {
                trainSum[j] += sums[base + j]
                trainSq[j] += squares[base + j]
            }
        }
        let testCount = totalCount - trainCount
        var best = 0
        var bestSharpe = -Double.infinity
        for j in 0..<n {
            let train = sharpe(sum: trainSum[j], squares: trainSq[j], count: trainCount)
            if train > bestSharpe {
                bestSharpe = train
                best = j
            }
            testSharpe[j] = sharpe(sum: totals.sum[j] - trainSum[j], squares: totals.squares[j] - trainSq[j], count: testCount)
        }
        let x = testSharpe[best]
        var below = 0
        var equal = 0
        for j in 0..<n where j != best {
            if testSharpe[j] < x { below += 1 } else if testSharpe[j] == x { equal += 1 }
        }
        let rank = Double(below) + 1 + Double(equal) / 2
        let w = rank / Double(n + 1)
        return (log(w / (1 - w)), bestSharpe, x)
    }

    /// Mean over standard deviation (n - 1) of a block set; 0 without variance.
    static func sharpe(sum: Double, squares: Double, count: Int) -> Double {
        guard count > 1 else { return 0 }
        let c = Double(count)
        let mean = sum / c
        let variance = (squares - sum * mean) / (c - 1)
        guard variance > 1e-30 else { return 0 }
        return mean / variance.squareRoot()
    }

    /// The least-squares line y = a + b x (slope NaN when x does not vary).
    static func fit(_ x: [Double], _ y: [Double]) -> (slope: Double, intercept: Double) {
        let n = Double(x.count)
        guard n > 1 else { return (.nan, .nan) }
        let mx = x.reduce(0, +) / n
        let my = y.reduce(0, +) / n
        var sxy = 0.0
        var sxx = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
        }
        guard sxx > 0 else { return (.nan, my) }
        let slope = sxy / sxx
        return (slope, my - slope * mx)
    }
}

/// Per-split results written from several threads, each to its own slot.
private final class SplitResults: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [(logit: Double, inSample: Double, outOfSample: Double)]

    init(count: Int) {
        storage = Array(repeating: (0, 0, 0), count: count)
    }

    func set(_ i: Int, _ value: (logit: Double, inSample: Double, outOfSample: Double)) {
        lock.lock()
        storage[i] = value
        lock.unlock()
    }

    var values: [(logit: Double, inSample: Double, outOfSample: Double)] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
