/// `ta.percentile_nearest_rank(source, length, percentage)`: the value of rank
/// `ceil(percentage / 100 * n)` (at least 1) among the window's sorted values.
public struct PercentileNearestRankState: Sendable {
    @usableFromInline var window = SortedWindow()

    public init() {}

    /// Advances one bar and returns the percentile, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int, percentage: Double) -> Double {
        window.push(source, length: length)
        let n = window.sortedCount
        guard window.isFull, n > 0, !percentage.isNaN else { return .nan }
        let raw = (percentage / 100 * Double(n)).rounded(.up)
        let rank = raw <= 1 ? 1 : (raw >= Double(n) ? n : Int(raw))
        return window[rank - 1]
    }
}
