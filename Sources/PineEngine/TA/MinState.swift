/// `ta.min(source)`: the all-time minimum of `source` (ignoring `na`).
public struct MinState: Sendable {
    @usableFromInline var value = Double.nan

    public init() {}

    /// Advances one bar and returns the minimum so far.
    @inlinable
    public mutating func update(_ source: Double) -> Double {
        if !source.isNaN && (value.isNaN || source < value) { value = source }
        return value
    }
}
