/// `ta.pvi`: positive volume index (starts at 1; moves with the close's rate of change on bars
/// whose volume rose).
public struct PVIState: Sendable {
    @usableFromInline var prevClose = Double.nan
    @usableFromInline var prevVolume = Double.nan
    @usableFromInline var value = Double.nan

    public init() {}

    /// Advances one bar with the bar's close and volume.
    @inlinable
    public mutating func update(close: Double, volume: Double) -> Double {
        if value.isNaN {
            value = 1
        } else if volume > prevVolume {
            value = value + (close - prevClose) / prevClose * value
        }
        prevClose = close
        prevVolume = volume
        return value
    }
}
