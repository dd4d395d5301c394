/// `ta.falling(source, length)`: true when `source` fell on each of the last `length` bars
/// (tolerant like `ta.rising`).
public struct FallingState: Sendable {
    @usableFromInline var prev = Double.nan
    @usableFromInline var run = 0

    public init() {}

    /// Advances one bar and returns whether the series is falling.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Bool {
        run = TAMath.less(source, prev) ? run + 1 : 0
        prev = source
        return length > 0 && run >= length
    }
}
