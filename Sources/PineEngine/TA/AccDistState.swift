/// `ta.accdist`: accumulation/distribution, the cumulative sum of
/// `(2 * close - low - high) / (high - low) * volume` (0 when `high == low`).
public struct AccDistState: Sendable {
    @usableFromInline var cum = CumState()

    public init() {}

    /// Advances one bar with the bar's prices and volume.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double, volume: Double)
        -> Double
    {
        let mfm =
            (close == high && close == low) || high == low
            ? 0 : (2 * close - low - high) / (high - low) * volume
        return cum.update(mfm)
    }
}
