/// `ta.max(source)`: the all-time maximum of `source` (ignoring `na`).
public struct MaxState: Sendable {
    @usableFromInline var value = Double.nan

    public init() {}

    /// Advances one bar and returns the maximum so far.
    @inlinable
    public mutating func update(_ source: Double) -> Double {
        if !source.isNaN && (value.isNaN || source > value) { value = source }
        return value
    }
}
