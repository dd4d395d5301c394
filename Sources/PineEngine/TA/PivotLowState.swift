/// `ta.pivotlow(source, leftbars, rightbars)`: mirror of `ta.pivothigh` (at most every
/// value on the left, strictly less than every value on the right).
public struct PivotLowState: Sendable {
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
            if i < rightBars {
                if !(candidate < v) { return .nan }
            } else if !(candidate <= v) {
                return .nan
            }
        }
        return candidate
    }
}
