/// Sliding-window maximum or minimum in O(1) amortized per bar (a monotonic deque).
///
/// `na` values occupy their place in the window but never become the extreme. Among equal
/// extremes the oldest one wins (TradingView's `highestbars`/`lowestbars` offsets).
public struct MonotonicWindow: Sendable {
    @usableFromInline var values = TARingBuffer()
    /// Interleaved deque slots: `deque[2 * k]` is a bar number, `deque[2 * k + 1]` its value.
    @usableFromInline var deque: [Double] = []
    @usableFromInline var dequeCapacity = 0
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
        return deque[2 * front + 1]
    }

    /// Offset of the extreme from the newest bar (0 or negative), `na` like `extreme`.
    @inlinable public var offset: Double {
        guard length > 0, seen >= length, size > 0 else { return .nan }
        return deque[2 * front] - Double(seen - 1)
    }

    @inlinable
    mutating func append(_ value: Double, index: Int) {
        let cap = dequeCapacity
        guard cap > 0 else { return }
        let position = Double(index)
        let oldest = Double(index - length)
        let isMax = keepsMaximum
        var f = front
        var n = size
        deque.withUnsafeMutableBufferPointer { slots in
            while n > 0 && slots[2 * f] <= oldest {
                f += 1
                if f == cap { f = 0 }
                n -= 1
            }
            guard !value.isNaN else { return }
            while n > 0 {
                var back = f + n - 1
                if back >= cap { back -= cap }
                let b = slots[2 * back + 1]
                if isMax ? !(b < value) : !(b > value) { break }
                n -= 1
            }
            var slot = f + n
            if slot >= cap { slot -= cap }
            slots[2 * slot] = position
            slots[2 * slot + 1] = value
            n += 1
        }
        front = f
        size = n
    }

    @usableFromInline
    mutating func setLength(_ newLength: Int) {
        length = max(0, newLength)
        if values.capacity < length {
            values.resize(capacity: max(length, TAMath.defaultHistory))
        }
        deque = [Double](repeating: .nan, count: 2 * length)
        dequeCapacity = length
        front = 0
        size = 0
        let held = min(values.count, length)
        var i = held - 1
        while i >= 0 {
            append(values[i], index: seen - 1 - i)
            i -= 1
        }
    }
}
