/// `ta.rising(source, length)`: true when `source` rose on each of the last `length` bars
/// (`source > source[1] > ... > source[length]`, Pine's 1e-10 tolerance: a smaller step is not
/// a rise). An `na` value breaks the run. O(1) per bar.
public struct RisingState: Sendable {
    @usableFromInline var prev = Double.nan
    @usableFromInline var run = 0

    public init() {}

    /// Advances one bar and returns whether the series is rising.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Bool {
        run = TAMath.greater(source, prev) ? run + 1 : 0
        prev = source
        return length > 0 && run >= length
    }
}
