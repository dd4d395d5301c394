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

/// `ta.mode(source, length)`: the most frequent value of the last `length` bars; among equally
/// frequent values the smallest. `na` until `length` bars were seen.
public struct ModeState: Sendable {
    @usableFromInline var window = SortedWindow()

    public init() {}

    /// Advances one bar and returns the mode, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        window.push(source, length: length)
        let n = window.sortedCount
        guard window.isFull, n > 0 else { return .nan }
        var best = window[0]
        var bestCount = 0
        var i = 0
        while i < n {
            var j = i + 1
            while j < n && window[j] == window[i] { j += 1 }
            if j - i > bestCount {
                bestCount = j - i
                best = window[i]
            }
            i = j
        }
        return best
    }
}

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

/// `ta.percentrank(source, length)`: percentage of the previous `length` values that are less
/// than or equal to the current one (Pine's 1e-10 tolerance). `na` for the first `length` bars.
public struct PercentRankState: Sendable {
    @usableFromInline var history = TARingBuffer()

    public init() {}

    /// Advances one bar and returns the rank, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        guard length > 0, length <= TAMath.maximumLength else { return .nan }
        if history.capacity < length + 1 { history.resize(capacity: length + 1) }
        history.push(source)
        if source.isNaN || history.count < length + 1 { return .nan }
        var count = 0
        for i in 1...length where TAMath.lessOrEqual(history[i], source) {
            count += 1
        }
        return 100 * Double(count) / Double(length)
    }
}
