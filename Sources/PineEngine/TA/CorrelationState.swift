/// `ta.correlation(source1, source2, length)`: Pearson correlation over `length` bars.
///
/// Built from rolling means: `cov = mean(a*b) - mean(a) * mean(b)`, divided by
/// `sqrt(var(a) * var(b))` (biased variances). Each rolling mean skips its own `na` inputs
/// (TradingView compacts the windows, which can push the result outside [-1, 1] around gaps).
/// A covariance within 1e-10 of zero gives 0.
public struct CorrelationState: Sendable {
    @usableFromInline var sumA = SumState()
    @usableFromInline var sumB = SumState()
    @usableFromInline var sumAA = SumState()
    @usableFromInline var sumBB = SumState()
    @usableFromInline var sumAB = SumState()
    @usableFromInline var lastA = Double.nan
    @usableFromInline var lastB = Double.nan
    @usableFromInline var lastAA = Double.nan
    @usableFromInline var lastBB = Double.nan
    @usableFromInline var lastAB = Double.nan

    public init() {}

    /// Advances one bar and returns the correlation, or `na`.
    @inlinable
    public mutating func update(_ a: Double, _ b: Double, length: Int) -> Double {
        guard length > 0 else { return .nan }
        Self.step(&sumA, a, length, &lastA)
        Self.step(&sumB, b, length, &lastB)
        Self.step(&sumAA, a * a, length, &lastAA)
        Self.step(&sumBB, b * b, length, &lastBB)
        Self.step(&sumAB, a * b, length, &lastAB)
        let n = Double(length)
        let ma = lastA / n
        let mb = lastB / n
        let cov = lastAB / n - ma * mb
        if cov.isNaN { return .nan }
        if TAMath.isZero(cov) { return 0 }
        let va = lastAA / n - ma * ma
        let vb = lastBB / n - mb * mb
        let den = (va * vb).squareRoot()
        if den.isNaN || den == 0 { return .nan }
        return cov / den
    }

    @inlinable
    static func step(_ sum: inout SumState, _ x: Double, _ length: Int, _ last: inout Double) {
        let s = sum.update(x, length: length)
        if !x.isNaN { last = s }
    }
}
