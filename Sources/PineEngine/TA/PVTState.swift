/// `ta.pvt`: price-volume trend, `cum(change(close) / close[1] * volume)`.
public struct PVTState: Sendable {
    @usableFromInline var prevClose = Double.nan
    @usableFromInline var cum = CumState()

    public init() {}

    /// Advances one bar with the bar's close and volume.
    @inlinable
    public mutating func update(close: Double, volume: Double) -> Double {
        let value = (close - prevClose) / prevClose * volume
        prevClose = close
        return cum.update(value)
    }
}
