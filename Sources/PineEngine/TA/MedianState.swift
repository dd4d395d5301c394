/// `ta.median(source, length)`: median of the last `length` bars (mean of the two middle values
/// for an even count), `na` until `length` bars were seen.
public struct MedianState: Sendable {
    @usableFromInline var window = SortedWindow()

    public init() {}

    /// Advances one bar and returns the median, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        window.push(source, length: length)
        let n = window.sortedCount
        guard window.isFull, n > 0 else { return .nan }
        if n % 2 == 1 { return window[n / 2] }
        return (window[n / 2 - 1] + window[n / 2]) / 2
    }
}
