/// `ta.stdev(source, length, biased)`: rolling standard deviation, `sqrt(ta.variance(...))`.
public struct StdevState: Sendable {
    @usableFromInline var variance = VarianceState()

    public init() {}

    /// Advances one bar and returns the standard deviation, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int, biased: Bool = true) -> Double {
        variance.update(source, length: length, biased: biased).squareRoot()
    }
}
