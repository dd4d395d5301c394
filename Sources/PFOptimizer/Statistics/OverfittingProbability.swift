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

        let split = CrossValidationBlocks(rows: rows, blocks: splits).outcomes()
        let combos = split.count
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
