import Foundation

/// The deflated Sharpe ratio: the probability that a strategy's true
/// Sharpe ratio is above zero, given that it is the best of `trials`
/// tries whose Sharpe ratios vary with `trialsSharpeVariance`, and given
/// the skewness and kurtosis of its returns.
///
/// The bar it must clear is the Sharpe ratio the best of `trials`
/// independent strategies with no edge would be expected to show:
///
///     SR0 = sqrt(V) * ((1 - g) * Q(1 - 1/N) + g * Q(1 - 1/(N e)))
///
/// (g: the Euler-Mascheroni constant, Q: the normal quantile). The
/// probability is then
///
///     Phi((SR - SR0) * sqrt(T - 1) / sqrt(1 - skew * SR + (kurt - 1) / 4 * SR^2))
///
/// with every Sharpe ratio per period (not annualised) and T the number of
/// return periods.
public struct DeflatedSharpe: Sendable, Equatable {
    public var trials: Int
    public var sharpePerPeriod: Double
    public var observations: Int
    public var skewness: Double
    /// Not excess: 3 for normal returns.
    public var kurtosis: Double
    public var trialsSharpeVariance: Double

    static let eulerGamma = 0.577_215_664_901_532_9

    public init(
        trials: Int, sharpePerPeriod: Double, observations: Int, skewness: Double, kurtosis: Double,
        trialsSharpeVariance: Double
    ) {
        self.trials = trials
        self.sharpePerPeriod = sharpePerPeriod
        self.observations = observations
        self.skewness = skewness
        self.kurtosis = kurtosis
        self.trialsSharpeVariance = trialsSharpeVariance
    }

    /// The Sharpe ratio per period the best of `trials` no-edge strategies
    /// is expected to reach (0 for a single trial).
    public var expectedMaxSharpe: Double {
        guard trials > 1, trialsSharpeVariance >= 0 else { return trials == 1 ? 0 : .nan }
        let n = Double(trials)
        let g = Self.eulerGamma
        let z = (1 - g) * NormalDistribution.quantile(1 - 1 / n)
            + g * NormalDistribution.quantile(1 - 1 / (n * M_E))
        return trialsSharpeVariance.squareRoot() * z
    }

    /// The probability that the true Sharpe ratio is above zero after
    /// deflating for the trials (NaN when undefined).
    public var probability: Double {
        probabilistic(benchmark: expectedMaxSharpe)
    }

    /// The probabilistic Sharpe ratio against `benchmark`.
    public func probabilistic(benchmark: Double) -> Double {
        let sr = sharpePerPeriod
        guard observations > 1, sr.isFinite, benchmark.isFinite, skewness.isFinite, kurtosis.isFinite else {
            return .nan
        }
        let denominator = 1 - skewness * sr + (kurtosis - 1) / 4 * sr * sr
        guard denominator > 0 else { return .nan }
        return NormalDistribution.cdf((sr - benchmark) * Double(observations - 1).squareRoot() / denominator.squareRoot())
    }

    /// The statistic for a run with period returns `returns`.
    public init(trials: Int, returns: [Float], trialsSharpeVariance: Double) {
        let m = SampleMoments(returns)
        self.init(
            trials: trials, sharpePerPeriod: m.sharpe, observations: m.count, skewness: m.skewness, kurtosis: m.kurtosis,
            trialsSharpeVariance: trialsSharpeVariance)
    }

    /// The probability for another run of the same sweep (same trials and
    /// variance), nil when it has no return series.
    public func probability(of returns: [Float]) -> Double? {
        guard !returns.isEmpty else { return nil }
        let p = DeflatedSharpe(trials: trials, returns: returns, trialsSharpeVariance: trialsSharpeVariance).probability
        return p.isFinite ? p : nil
    }
}
