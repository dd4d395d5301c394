/// Stateless volume built-ins.
public enum VolumeIndicators {
    /// `ta.iii`: intraday intensity index, `(2 * close - high - low) / ((high - low) * volume)`.
    @inlinable
    public static func iii(high: Double, low: Double, close: Double, volume: Double) -> Double {
        let den = (high - low) * volume
        if den == 0 { return .nan }
        return (2 * close - high - low) / den
    }

    /// `ta.wvad`: Williams variable accumulation/distribution,
    /// `(close - open) / (high - low) * volume`.
    @inlinable
    public static func wvad(open: Double, high: Double, low: Double, close: Double, volume: Double)
        -> Double
    {
        let range = high - low
        if range == 0 { return .nan }
        return (close - open) / range * volume
    }
}
