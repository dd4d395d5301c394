/// `ta.cross(a, b)`: crossover or crossunder (both relations are tracked on every bar).
public struct CrossState: Sendable {
    @usableFromInline var over = CrossoverState()
    @usableFromInline var under = CrossunderState()

    public init() {}

    /// Advances one bar and returns whether `a` and `b` crossed.
    @inlinable
    public mutating func update(_ a: Double, _ b: Double) -> Bool {
        let o = over.update(a, b)
        let u = under.update(a, b)
        return o || u
    }
}
