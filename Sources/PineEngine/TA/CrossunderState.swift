/// `ta.crossunder(a, b)`: `a < b` now and `a >= b` on the previous bar where both were defined.
public struct CrossunderState: Sendable {
    @usableFromInline var wasAboveOrEqual = false

    public init() {}

    /// Advances one bar and returns whether `a` crossed under `b`.
    @inlinable
    public mutating func update(_ a: Double, _ b: Double) -> Bool {
        let result = a < b && wasAboveOrEqual
        if !a.isNaN && !b.isNaN { wasAboveOrEqual = a >= b }
        return result
    }
}
