/// `ta.rsi(source, length)`: relative strength index from Wilder averages of gains and losses.
///
/// `u = max(change, 0)`, `d = max(-change, 0)`, both smoothed with `ta.rma`; the result is 100
/// when the loss average is 0, 0 when the gain average is 0, else `100 - 100 / (1 + up / down)`.
/// The first value appears on bar `length` (the first change is `na`).
public struct RSIState: Sendable {
    @usableFromInline var prev = Double.nan
    @usableFromInline var up = RMAState()
    @usableFromInline var down = RMAState()

    public init() {}

    /// Advances one bar and returns the RSI, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        let change = source - prev
        prev = source
        let u = up.update(change.isNaN ? .nan : max(change, 0), length: length)
        let d = down.update(change.isNaN ? .nan : max(-change, 0), length: length)
        if u.isNaN || d.isNaN { return .nan }
        if d == 0 { return 100 }
        if u == 0 { return 0 }
        return 100 - 100 / (1 + u / d)
    }
}
