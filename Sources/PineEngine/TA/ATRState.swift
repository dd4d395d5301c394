/// `ta.atr(length)`: `ta.rma(ta.tr(true), length)`; the first bar's true range is `high - low`.
public struct ATRState: Sendable {
    @usableFromInline var tr = TRState()
    @usableFromInline var rma = RMAState()

    public init() {}

    /// Advances one bar with the bar's prices and returns the ATR, or `na`.
    @inlinable
    public mutating func update(length: Int, high: Double, low: Double, close: Double) -> Double {
        let range = tr.update(high: high, low: low, close: close, handleNA: true)
        return rma.update(range, length: length)
    }
}
