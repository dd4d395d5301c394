/// A window of the last `length` values kept in sorted order, for the rank-based `ta.*`
/// functions (median, mode, percentiles). Each bar removes the evicted value and inserts the new
/// one (O(length), no allocation except when the length changes). `na` values take their place
/// in the window but are not part of the sorted values.
public struct SortedWindow: Sendable {
    @usableFromInline var values = TARingBuffer()
    @usableFromInline var sorted: [Double] = []
    /// Number of sorted (non-`na`) values.
    public private(set) var sortedCount = 0
    @usableFromInline var length = 0

    public init() {}

    /// True once `length` bars were pushed.
    @inlinable public var isFull: Bool { length > 0 && values.count >= length }

    /// Pushes the bar's value into a window of `length` bars.
    @inlinable
    public mutating func push(_ value: Double, length: Int) {
        guard length > 0, length <= TAMath.maximumLength else { return }
        if length != self.length { setLength(length) }
        // The value that leaves the window sits at offset `length - 1` before the push (the
        // history may hold more than the window after the length shrank).
        let leaving = values.count >= length ? values[length - 1] : Double.nan
        values.push(value)
        if !leaving.isNaN { remove(leaving) }
        if !value.isNaN { insert(value) }
    }

    /// The i-th smallest non-`na` value of the window.
    @inlinable public subscript(i: Int) -> Double { sorted[i] }

    @usableFromInline
    mutating func insert(_ value: Double) {
        var i = sortedCount
        while i > 0 && sorted[i - 1] > value {
            sorted[i] = sorted[i - 1]
            i -= 1
        }
        sorted[i] = value
        sortedCount += 1
    }

    @usableFromInline
    mutating func remove(_ value: Double) {
        var i = 0
        while i < sortedCount && sorted[i] != value { i += 1 }
        guard i < sortedCount else { return }
        while i < sortedCount - 1 {
            sorted[i] = sorted[i + 1]
            i += 1
        }
        sortedCount -= 1
    }

    @usableFromInline
    mutating func setLength(_ newLength: Int) {
        length = newLength
        if values.capacity < newLength {
            values.resize(capacity: max(newLength, TAMath.defaultHistory))
        }
        if sorted.count < newLength { sorted = [Double](repeating: .nan, count: newLength) }
        sortedCount = 0
        for i in 0..<min(values.count, newLength) where !values[i].isNaN {
            insert(values[i])
        }
    }
}
