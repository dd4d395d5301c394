/// `ta.highestbars(source, length)`: offset (0 or negative) to the highest of the last `length`
/// bars; among equal highs the oldest one.
public struct HighestBarsState: Sendable {
    @usableFromInline var window = MonotonicWindow(keepsMaximum: true)

    public init() {}

    /// Advances one bar and returns the offset, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        guard length > 0, length <= TAMath.maximumLength else { return .nan }
        window.push(source, length: length)
        return window.offset
    }
}
