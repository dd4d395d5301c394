/// `ta.range(source, length)`: `highest - lowest` of the last `length` bars.
public struct RangeState: Sendable {
    @usableFromInline var high = MonotonicWindow(keepsMaximum: true)
    @usableFromInline var low = MonotonicWindow(keepsMaximum: false)

    public init() {}

    /// Advances one bar and returns the range, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        guard length > 0, length <= TAMath.maximumLength else { return .nan }
        high.push(source, length: length)
        low.push(source, length: length)
        return high.extreme - low.extreme
    }
}
