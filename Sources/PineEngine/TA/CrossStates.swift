/// `ta.crossover(a, b)`: `a > b` now and `a[1] <= b[1]`, all four values defined (no cross on
/// the bar where a series first stops being `na`). Comparisons are exact.
public struct CrossoverState: Sendable {
    @usableFromInline var prevA = Double.nan
    @usableFromInline var prevB = Double.nan

    public init() {}

    /// Advances one bar and returns whether `a` crossed over `b`.
    @inlinable
    public mutating func update(_ a: Double, _ b: Double) -> Bool {
        let result = a > b && prevA <= prevB
        prevA = a
        prevB = b
        return result
    }
}

/// `ta.crossunder(a, b)`: `a < b` now and `a[1] >= b[1]`, all four values defined.
public struct CrossunderState: Sendable {
    @usableFromInline var prevA = Double.nan
    @usableFromInline var prevB = Double.nan

    public init() {}

    /// Advances one bar and returns whether `a` crossed under `b`.
    @inlinable
    public mutating func update(_ a: Double, _ b: Double) -> Bool {
        let result = a < b && prevA >= prevB
        prevA = a
        prevB = b
        return result
    }
}

/// `ta.cross(a, b)`: crossover or crossunder.
public struct CrossState: Sendable {
    @usableFromInline var prevA = Double.nan
    @usableFromInline var prevB = Double.nan

    public init() {}

    /// Advances one bar and returns whether `a` and `b` crossed.
    @inlinable
    public mutating func update(_ a: Double, _ b: Double) -> Bool {
        let result = (a > b && prevA <= prevB) || (a < b && prevA >= prevB)
        prevA = a
        prevB = b
        return result
    }
}
