/// `ta.wad`: Williams accumulation/distribution, `cum(gain)` with true high/low against the
/// previous close.
public struct WADState: Sendable {
    @usableFromInline var prevClose = Double.nan
    @usableFromInline var cum = CumState()

    public init() {}

    /// Advances one bar with the bar's prices.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> Double {
        let trueHigh = max(high, prevClose.isNaN ? high : prevClose)
        let trueLow = min(low, prevClose.isNaN ? low : prevClose)
        let mom = close - prevClose
        prevClose = close
        let gain = mom > 0 ? close - trueLow : (mom < 0 ? close - trueHigh : 0)
        return cum.update(gain)
    }
}
