/// `ta.kc(source, length, mult, useTrueRange)`: Keltner Channels `[middle, upper, lower]` with
/// `middle = ema(source, length)`, range = `ta.tr` (true range, `na` on the first bar) or
/// `high - low`, `upper/lower = middle +- mult * ema(range, length)`.
public struct KCState: Sendable {
    @usableFromInline var basis = EMAState()
    @usableFromInline var range = EMAState()
    @usableFromInline var prevClose = Double.nan

    public init() {}

    /// Advances one bar with the bar's prices and returns `(middle, upper, lower)`.
    @inlinable
    public mutating func update(
        _ source: Double, length: Int, mult: Double, useTrueRange: Bool = true,
        high: Double, low: Double, close: Double
    ) -> (middle: Double, upper: Double, lower: Double) {
        let span =
            useTrueRange
            ? TrueRange.value(high: high, low: low, prevClose: prevClose, handleNA: false)
            : high - low
        prevClose = close
        let b = basis.update(source, length: length)
        let r = range.update(span, length: length)
        return (b, b + r * mult, b - r * mult)
    }
}
