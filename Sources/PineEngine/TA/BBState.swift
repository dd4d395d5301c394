/// `ta.bb(source, length, mult)`: Bollinger Bands `[middle, upper, lower]` with
/// `middle = sma(source, length)` and `upper/lower = middle +- mult * stdev(source, length)`.
public struct BBState: Sendable {
    @usableFromInline var basis = SMAState()
    @usableFromInline var stdev = StdevState()

    public init() {}

    /// Advances one bar and returns `(middle, upper, lower)`.
    @inlinable
    public mutating func update(_ source: Double, length: Int, mult: Double)
        -> (middle: Double, upper: Double, lower: Double)
    {
        let b = basis.update(source, length: length)
        let dev = mult * stdev.update(source, length: length)
        return (b, b + dev, b - dev)
    }
}
