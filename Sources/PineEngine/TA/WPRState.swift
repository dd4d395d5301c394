/// `ta.wpr(length)`: Williams %R, `100 * (close - highest(high)) / (highest(high) - lowest(low))`.
public struct WPRState: Sendable {
    @usableFromInline var highs = MonotonicWindow(keepsMaximum: true)
    @usableFromInline var lows = MonotonicWindow(keepsMaximum: false)

    public init() {}

    /// Advances one bar with the bar's prices and returns %R, or `na`.
    @inlinable
    public mutating func update(length: Int, high: Double, low: Double, close: Double) -> Double {
        guard length > 0, length <= TAMath.maximumLength else { return .nan }
        highs.push(high, length: length)
        lows.push(low, length: length)
        let hi = highs.extreme
        let lo = lows.extreme
        let range = hi - lo
        if range == 0 { return .nan }
        return 100 * (close - hi) / range
    }
}
