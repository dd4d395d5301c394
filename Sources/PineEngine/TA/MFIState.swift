/// `ta.mfi(source, length)`: money flow index with the bar's `volume`.
///
/// Positive flow sums `volume * source` over bars whose change is > 0, negative flow over bars
/// whose change is < 0 (changes within 1e-10 count as zero). The result is 100 when the
/// negative flow is 0, 0 when the positive flow is 0, else `100 - 100 / (1 + pos / neg)`.
public struct MFIState: Sendable {
    @usableFromInline var prev = Double.nan
    @usableFromInline var upper = SumState()
    @usableFromInline var lower = SumState()

    public init() {}

    /// Advances one bar and returns the index, or `na`.
    @inlinable
    public mutating func update(_ source: Double, volume: Double, length: Int) -> Double {
        let change = source - prev
        prev = source
        var u = Double.nan
        var l = Double.nan
        if !change.isNaN {
            let flow = volume * source
            if TAMath.isZero(change) {
                u = 0
                l = 0
            } else {
                u = change > 0 ? flow : 0
                l = change < 0 ? flow : 0
            }
        }
        let up = upper.update(u, length: length)
        let lo = lower.update(l, length: length)
        if up.isNaN || lo.isNaN { return .nan }
        if lo == 0 { return 100 }
        if up == 0 { return 0 }
        return 100 - 100 / (1 + up / lo)
    }
}
