/// `ta.stoch(source, high, low, length)`:
/// `100 * (source - lowest(low, length)) / (highest(high, length) - lowest(low, length))`.
public struct StochState: Sendable {
    @usableFromInline var highs = MonotonicWindow(keepsMaximum: true)
    @usableFromInline var lows = MonotonicWindow(keepsMaximum: false)

    public init() {}

    /// Advances one bar and returns the stochastic, or `na` (also when the range is 0).
    @inlinable
    public mutating func update(_ source: Double, high: Double, low: Double, length: Int)
        -> Double
    {
        guard length > 0, length <= TAMath.maximumLength else { return .nan }
        highs.push(high, length: length)
        lows.push(low, length: length)
        let hi = highs.extreme
        let lo = lows.extreme
        let range = hi - lo
        if range == 0 { return .nan }
        return 100 * (source - lo) / range
    }
}
