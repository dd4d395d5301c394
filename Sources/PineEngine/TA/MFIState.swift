/// `ta.mfi(source, length)`: money flow index with the bar's `volume`.
///
/// Positive flow sums `volume * source` over bars whose change is > 0, negative flow over bars
/// whose change is < 0 (changes within 1e-10 count as zero). On the first bar the change is
/// `na`, and like TradingView (whose `change <= 0` / `change >= 0` tests are false for `na`)
/// the bar's flow counts on both sides. The result is 100 when the
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
        let flow = volume * source
        var u = flow
        var l = flow
        if !change.isNaN {
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
