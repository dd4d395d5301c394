/// `ta.variance(source, length, biased)`: rolling variance.
///
/// TradingView's expression shapes: with running sums `s` and `q` (of values and squares) over
/// the last `length` non-`na` values and `m = s / length`, biased = `q / length - m * m`,
/// unbiased = `q / (length - 1) - m * m * length / (length - 1)`; negative results (rounding)
/// are clamped to 0. `na` inputs are skipped (result `na` on that bar); `na` until full.
public struct VarianceState: Sendable {
    @usableFromInline var sum = SumState()
    @usableFromInline var squares = SumState()

    public init() {}

    /// Advances one bar and returns the variance, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int, biased: Bool = true) -> Double {
        let s = sum.update(source, length: length)
        let q = squares.update(source * source, length: length)
        if s.isNaN || q.isNaN { return .nan }
        return Self.variance(sum: s, squares: q, length: length, biased: biased)
    }

    /// The variance formula given the window sums.
    @inlinable
    public static func variance(sum s: Double, squares q: Double, length: Int, biased: Bool)
        -> Double
    {
        let n = Double(length)
        let m = s / n
        var v: Double
        if biased {
            v = q / n - m * m
        } else {
            if length < 2 { return .nan }
            v = q / (n - 1) - m * m * n / (n - 1)
        }
        if v < 0 { v = 0 }
        return v
    }
}
