/// `ta.sma(source, length)`: simple moving average.
///
/// One running sum kept from the first bar, divided by `length` (TradingView's rounding, which
/// decides crosses between averages that are equal in exact arithmetic). `na` until `length`
/// non-`na` values were seen; an `na` source is skipped (result `na` on that bar).
public struct SMAState: Sendable {
    @usableFromInline var sum: SumState

    /// An average whose window history is `TAMath.defaultHistory` values or its length.
    public init() {
        sum = SumState()
    }

    /// An average keeping at least `historyFloor` values of history (0: exactly its length).
    public init(historyFloor: Int) {
        sum = SumState(historyFloor: historyFloor)
    }

    /// Advances one bar and returns the average, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        let s = sum.update(source, length: length)
        return s.isNaN ? .nan : s / Double(length)
    }
}
