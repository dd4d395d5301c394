/// `ta.highest(source, length)` (and `ta.highest(length)` with `source = high`): the highest
/// value of the last `length` bars, `na` for the first `length - 1` bars. `na` values are ignored.
public struct HighestState: Sendable {
    @usableFromInline var window = MonotonicWindow(keepsMaximum: true)

    public init() {}

    /// Advances one bar and returns the highest value, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        guard length > 0, length <= TAMath.maximumLength else { return .nan }
        window.push(source, length: length)
        return window.extreme
    }
}
