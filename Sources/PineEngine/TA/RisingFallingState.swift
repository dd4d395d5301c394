/// `ta.rising(source, length)`: true when `source` is greater than each of the previous
/// `length` values (Pine's 1e-10 tolerance: a smaller step is not a rise). False while any of
/// those values is `na`.
public struct RisingState: Sendable {
    @usableFromInline var history = TARingBuffer()

    public init() {}

    /// Advances one bar and returns whether the series is rising.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Bool {
        guard length > 0 else { return false }
        if history.capacity < length + 1 { history.resize(capacity: length + 1) }
        history.push(source)
        if source.isNaN || history.count < length + 1 { return false }
        for i in 1...length where !TAMath.greater(source, history[i]) {
            return false
        }
        return true
    }
}

/// `ta.falling(source, length)`: true when `source` is less than each of the previous `length`
/// values (tolerant like `ta.rising`).
public struct FallingState: Sendable {
    @usableFromInline var history = TARingBuffer()

    public init() {}

    /// Advances one bar and returns whether the series is falling.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Bool {
        guard length > 0 else { return false }
        if history.capacity < length + 1 { history.resize(capacity: length + 1) }
        history.push(source)
        if source.isNaN || history.count < length + 1 { return false }
        for i in 1...length where !TAMath.less(source, history[i]) {
            return false
        }
        return true
    }
}
