/// `ta.crossover(a, b)`: `a > b` now and `a <= b` on the previous bar where both were defined.
///
/// There is no cross on the first bar where both series are defined (no previous relation);
/// bars where either is `na` neither cross nor reset the remembered relation. Comparisons are
/// exact (no tolerance), like TradingView's.
public struct CrossoverState: Sendable {
    @usableFromInline var wasBelowOrEqual = false

    public init() {}

    /// Advances one bar and returns whether `a` crossed over `b`.
    @inlinable
    public mutating func update(_ a: Double, _ b: Double) -> Bool {
        let result = a > b && wasBelowOrEqual
        if !a.isNaN && !b.isNaN { wasBelowOrEqual = a <= b }
        return result
    }
}
