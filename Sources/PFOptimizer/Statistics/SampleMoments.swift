/// The moments of a return series that the deflated Sharpe ratio needs.
public struct SampleMoments: Sendable, Equatable {
    /// The number of observations.
    public var count: Int
    public var mean: Double
    /// The standard deviation with the n - 1 denominator.
    public var standardDeviation: Double
    /// The third standardised moment (population form: m3 / m2^1.5).
    public var skewness: Double
    /// The fourth standardised moment, not excess (population form: m4 / m2^2; 3 for a normal).
    public var kurtosis: Double

    /// The moments of `values` (NaN where fewer than two observations or no variance).
    public init<C: Collection>(_ values: C) where C.Element: BinaryFloatingPoint {
        count = values.count
        guard count > 0 else {
            mean = .nan
            standardDeviation = .nan
            skewness = .nan
            kurtosis = .nan
            return
        }
        var sum = 0.0
        for v in values { sum += Double(v) }
        let m = sum / Double(count)
        var m2 = 0.0
        var m3 = 0.0
        var m4 = 0.0
        for v in values {
            let d = Double(v) - m
            let d2 = d * d
            m2 += d2
            m3 += d2 * d
            m4 += d2 * d2
        }
        mean = m
        let n = Double(count)
        standardDeviation = count > 1 ? (m2 / (n - 1)).squareRoot() : .nan
        let pm2 = m2 / n
        if pm2 > 0 {
            skewness = (m3 / n) / (pm2 * pm2.squareRoot())
            kurtosis = (m4 / n) / (pm2 * pm2)
        } else {
            skewness = .nan
            kurtosis = .nan
        }
    }

    /// Mean over standard deviation, per period (not annualised); NaN
    /// without variance.
    public var sharpe: Double {
        standardDeviation > 0 ? mean / standardDeviation : .nan
    }
}
