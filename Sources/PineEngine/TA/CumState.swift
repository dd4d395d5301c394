/// `ta.cum(source)`: cumulative sum from the first bar; `na` values add nothing; `na` until
/// the first non-`na` value.
public struct CumState: Sendable {
    @usableFromInline var total = Double.nan

    public init() {}

    /// Advances one bar and returns the running total.
    @inlinable
    public mutating func update(_ source: Double) -> Double {
        if !source.isNaN {
            total = total.isNaN ? source : total + source
        }
        return total
    }
}
