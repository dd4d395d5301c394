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
