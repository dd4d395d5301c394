/// `ta.obv`: on-balance volume, `cum(sign(change(close)) * volume)`; `na` on the first bar.
public struct OBVState: Sendable {
    @usableFromInline var prevClose = Double.nan
    @usableFromInline var cum = CumState()

    public init() {}

    /// Advances one bar with the bar's close and volume.
    @inlinable
    public mutating func update(close: Double, volume: Double) -> Double {
        let change = close - prevClose
        prevClose = close
        return cum.update(TAMath.sign(change) * volume)
    }
}
