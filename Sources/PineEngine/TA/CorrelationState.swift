/// `ta.correlation(source1, source2, length)`: Pearson correlation over `length` bars.
///
/// Built from five rolling sums (`math.sum` machines over a, b, a*a, b*b, a*b):
/// `cov = mean(a*b) - mean(a) * mean(b)`, divided by one square root of `var(a) * var(b)`
/// (biased variances, clamped at 0). Each sum skips its own `na` inputs (TradingView compacts
/// the windows, which can push the result outside [-1, 1] around gaps). A covariance within
/// 1e-10 of zero gives 0; a zero variance product gives `na`.
public struct CorrelationState: Sendable {
    @usableFromInline var sumA = SumState()
    @usableFromInline var sumB = SumState()
    @usableFromInline var sumAA = SumState()
    @usableFromInline var sumBB = SumState()
    @usableFromInline var sumAB = SumState()

    public init() {}

    /// Advances one bar and returns the correlation, or `na`.
    @inlinable
    public mutating func update(_ a: Double, _ b: Double, length: Int) -> Double {
        guard length > 0, length <= TAMath.maximumLength else { return .nan }
        // All five machines advance on every bar; each skips its own na inputs.
        let sa = sumA.update(a, length: length)
        let sb = sumB.update(b, length: length)
        let saa = sumAA.update(a * a, length: length)
        let sbb = sumBB.update(b * b, length: length)
        let sab = sumAB.update(a * b, length: length)
        let n = Double(length)
        let ma = sa / n
        let mb = sb / n
        let cov = sab / n - ma * mb
        if cov.isNaN || saa.isNaN || sbb.isNaN { return .nan }
        if TAMath.isZero(cov) { return 0 }
        let va = max(0, saa / n - ma * ma)
        let vb = max(0, sbb / n - mb * mb)
        let product = va * vb
        if product.isNaN || product == 0 { return .nan }
        return cov / product.squareRoot()
    }
}
