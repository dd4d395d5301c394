/// `ta.ema(source, length)`: exponential moving average, alpha = 2 / (length + 1), stepped as
/// `previous + alpha * (source - previous)` (TradingView's rounding).
///
/// TradingView seeding: `na` for the first `length - 1` values, then seeded with the SMA of the
/// first `length` values. An `na` source is skipped whole: the result is `na` on that bar and the
/// state does not advance. A length that changes after seeding only changes alpha.
public struct EMAState: Sendable {
    @usableFromInline var value = Double.nan
    @usableFromInline var seed = SMAState(historyFloor: 0)
    @usableFromInline var alpha = Double.nan
    @usableFromInline var alphaLength = 0

    public init() {}

    /// Advances one bar and returns the average, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        guard length > 0, length <= TAMath.maximumLength, !source.isNaN else { return .nan }
        if value.isNaN {
            value = seed.update(source, length: length)
            return value
        }
        if length != alphaLength {
            alphaLength = length
            alpha = 2.0 / Double(length + 1)
        }
        value = value + alpha * (source - value)
        return value
    }
}
