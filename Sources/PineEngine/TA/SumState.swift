/// Rolling sum over the last `length` non-`na` values (`math.sum`, and the window behind
/// `ta.sma`, `ta.cmo`, `ta.mfi`, ...).
///
/// TradingView keeps one running sum from the first bar (`sum := sum + x - x[length]`), so
/// this state does the same, in that order. An `na` input is skipped: the window does not
/// advance and the bar's result is `na`. The result is `na` until `length` values were seen.
/// When `length` changes, the window is rebuilt from the values still held (the newest
/// `min(seen, length)`); a grown window is `na` until it has filled again.
public struct SumState: Sendable {
    @usableFromInline var window = TARingBuffer()
    @usableFromInline var sum = 0.0
    @usableFromInline var length = 0

    public init() {}

    /// Adds `source` and returns the sum of the last `length` values, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        guard length > 0 else { return .nan }
        if length != self.length { setLength(length) }
        if source.isNaN { return .nan }
        sum = sum + source
        if let old = window.push(source) { sum = sum - old }
        return window.isFull ? sum : .nan
    }

    /// The current sum and whether the window is full, without adding a value.
    @inlinable public var current: Double { window.isFull ? sum : .nan }

    @usableFromInline
    mutating func setLength(_ newLength: Int) {
        length = newLength
        window.resize(capacity: newLength)
        sum = 0
        var i = window.count - 1
        while i >= 0 {
            sum = sum + window[i]
            i -= 1
        }
    }
}
