/// Sliding-window maximum or minimum in O(1) amortized per bar (a monotonic deque).
///
/// `na` values occupy their place in the window but never become the extreme. Among equal
/// extremes the oldest one wins (TradingView's `highestbars`/`lowestbars` offsets).
public struct MonotonicWindow: Sendable {
    @usableFromInline var values = TARingBuffer()
    @usableFromInline var dequeIndex: [Int] = []
    @usableFromInline var dequeValue: [Double] = []
    @usableFromInline var front = 0
    @usableFromInline var size = 0
    @usableFromInline var seen = 0
    @usableFromInline var length = 0
    @usableFromInline let keepsMaximum: Bool

    /// A window tracking the maximum (`keepsMaximum`) or the minimum.
    public init(keepsMaximum: Bool) {
        self.keepsMaximum = keepsMaximum
    }

    /// Number of bars pushed so far.
    @inlinable public var barsSeen: Int { seen }

    /// Pushes the bar's value; afterwards `extreme` and `offset` describe the last `length` bars.
    @inlinable
    public mutating func push(_ value: Double, length: Int) {
        if length != self.length { setLength(length) }
        values.push(value)
        seen += 1
        let index = seen - 1
        append(value, index: index)
    }

    /// The extreme of the window, `na` before `length` bars or when every value is `na`.
    @inlinable public var extreme: Double {
        guard length > 0, seen >= length, size > 0 else { return .nan }
        return dequeValue[front]
    }

    /// Offset of the extreme from the newest bar (0 or negative), `na` like `extreme`.
    @inlinable public var offset: Double {
        guard length > 0, seen >= length, size > 0 else { return .nan }
        return Double(dequeIndex[front] - (seen - 1))
    }

    @inlinable
    mutating func append(_ value: Double, index: Int) {
        let cap = dequeIndex.count
        guard cap > 0 else { return }
        while size > 0 && dequeIndex[front] <= index - length {
            front += 1
            if front == cap { front = 0 }
            size -= 1
        }
        guard !value.isNaN else { return }
        while size > 0 {
            var back = front + size - 1
            if back >= cap { back -= cap }
            let b = dequeValue[back]
            let dominated = keepsMaximum ? b < value : b > value
            if !dominated { break }
            size -= 1
        }
        var slot = front + size
        if slot >= cap { slot -= cap }
        dequeIndex[slot] = index
        dequeValue[slot] = value
        size += 1
    }

    @usableFromInline
    mutating func setLength(_ newLength: Int) {
        length = max(0, newLength)
        values.resize(capacity: length)
        dequeIndex = [Int](repeating: 0, count: length)
        dequeValue = [Double](repeating: .nan, count: length)
        front = 0
        size = 0
        let held = values.count
        var i = held - 1
        while i >= 0 {
            append(values[i], index: seen - 1 - i)
            i -= 1
        }
    }
}
