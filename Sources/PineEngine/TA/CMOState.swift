/// `ta.cmo(source, length)`: Chande momentum oscillator,
/// `100 * (up - down) / (up + down)` over sums of positive/negative changes.
///
/// Changes within Pine's 1e-10 tolerance count as zero (TradingView), so a flat window is `na`.
public struct CMOState: Sendable {
    @usableFromInline var prev = Double.nan
    @usableFromInline var ups = SumState()
    @usableFromInline var downs = SumState()

    public init() {}

    /// Advances one bar and returns the oscillator, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        let mom = source - prev
        prev = source
        var u = Double.nan
        var d = Double.nan
        if !mom.isNaN {
            if TAMath.isZero(mom) {
                u = 0
                d = 0
            } else {
                u = mom > 0 ? mom : 0
                d = mom > 0 ? 0 : -mom
            }
        }
        let sm1 = ups.update(u, length: length)
        let sm2 = downs.update(d, length: length)
        let total = sm1 + sm2
        if total.isNaN || total == 0 { return .nan }
        return 100 * (sm1 - sm2) / total
    }
}
