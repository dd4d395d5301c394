/// `ta.rma(source, length)`: Wilder's moving average,
/// `(previous * (length - 1) + source) / length` (TradingView's own step, not ema's alpha form).
///
/// Seeded like `ta.ema` with the SMA of the first `length` values; `na` sources are skipped
/// whole (result `na`, state unchanged).
public struct RMAState: Sendable {
    @usableFromInline var value = Double.nan
    @usableFromInline var seed = SMAState(historyFloor: 0)

    public init() {}

    /// Advances one bar and returns the average, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        guard length > 0, length <= TAMath.maximumLength, !source.isNaN else { return .nan }
        if value.isNaN {
            value = seed.update(source, length: length)
            return value
        }
        let n = Double(length)
        value = (value * (n - 1) + source) / n
        return value
    }
}
