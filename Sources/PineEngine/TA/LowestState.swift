/// `ta.lowest(source, length)` (and `ta.lowest(length)` with `source = low`).
public struct LowestState: Sendable {
    @usableFromInline var window = MonotonicWindow(keepsMaximum: false)

    public init() {}

    /// Advances one bar and returns the lowest value, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        guard length > 0, length <= TAMath.maximumLength else { return .nan }
        window.push(source, length: length)
        return window.extreme
    }
}
