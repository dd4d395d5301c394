/// `ta.barssince(condition)`: bars since `condition` was last true (0 on a true bar), `na`
/// before the first true bar.
public struct BarsSinceState: Sendable {
    @usableFromInline var count = Double.nan

    public init() {}

    /// Advances one bar and returns the count, or `na`.
    @inlinable
    public mutating func update(_ condition: Bool) -> Double {
        if condition {
            count = 0
        } else if !count.isNaN {
            count += 1
        }
        return count
    }
}
