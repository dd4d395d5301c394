/// `ta.kcw(source, length, mult, useTrueRange)`: Keltner Channels width,
/// `(upper - lower) / middle`.
public struct KCWState: Sendable {
    @usableFromInline var channels = KCState()

    public init() {}

    /// Advances one bar with the bar's prices and returns the width, or `na`.
    @inlinable
    public mutating func update(
        _ source: Double, length: Int, mult: Double, useTrueRange: Bool = true,
        high: Double, low: Double, close: Double
    ) -> Double {
        let (b, u, l) = channels.update(
            source, length: length, mult: mult, useTrueRange: useTrueRange,
            high: high, low: low, close: close)
        if b == 0 { return .nan }
        return (u - l) / b
    }
}
