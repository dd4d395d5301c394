/// `ta.lowestbars(source, length)`: offset (0 or negative) to the lowest of the last `length` bars.
public struct LowestBarsState: Sendable {
    @usableFromInline var window = MonotonicWindow(keepsMaximum: false)

    public init() {}

    /// Advances one bar and returns the offset, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        guard length > 0, length <= TAMath.maximumLength else { return .nan }
        window.push(source, length: length)
        return window.offset
    }
}
