/// `ta.pivothigh(source, leftbars, rightbars)`: on the bar `rightbars` after a pivot high, the
/// pivot's value, else `na`. The candidate must be at least every value in the `leftbars`
/// before it and strictly greater than every value in the `rightbars` after it, so in a run
/// of equal highs the last one is the pivot; `na` anywhere in that window means no pivot.
public struct PivotHighState: Sendable {
    @usableFromInline var window = TARingBuffer()

    public init() {}

    /// Advances one bar and returns the pivot value found `rightbars` ago, or `na`.
    @inlinable
    public mutating func update(_ source: Double, leftBars: Int, rightBars: Int) -> Double {
        guard leftBars >= 0, rightBars >= 0, leftBars + rightBars < TAMath.maximumLength else {
            return .nan
        }
        let size = leftBars + rightBars + 1
        if window.capacity != size { window.resize(capacity: size) }
        window.push(source)
        guard window.isFull else { return .nan }
        let candidate = window[rightBars]
        if candidate.isNaN { return .nan }
        for i in 0..<size where i != rightBars {
            let v = window[i]
            if v.isNaN { return .nan }
            // Index 0 is the newest bar: below `rightBars` the bars after the candidate.
            if i < rightBars {
                if !(candidate > v) { return .nan }
            } else if !(candidate >= v) {
                return .nan
            }
        }
        return candidate
    }
}
