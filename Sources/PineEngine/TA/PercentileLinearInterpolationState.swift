/// `ta.percentile_linear_interpolation(source, length, percentage)`: linear interpolation
/// between the two nearest ranks, at (1-based) position `n * percentage / 100 + 0.5`, clamped to
/// the first and last value.
public struct PercentileLinearInterpolationState: Sendable {
    @usableFromInline var window = SortedWindow()

    public init() {}

    /// Advances one bar and returns the percentile, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int, percentage: Double) -> Double {
        window.push(source, length: length)
        let n = window.sortedCount
        guard window.isFull, n > 0, !percentage.isNaN else { return .nan }
        let position = Double(n) * percentage / 100 + 0.5
        if position <= 1 { return window[0] }
        if position >= Double(n) { return window[n - 1] }
        let lower = Int(position.rounded(.down))
        let fraction = position - Double(lower)
        let a = window[lower - 1]
        let b = window[lower]
        return a + fraction * (b - a)
    }
}
