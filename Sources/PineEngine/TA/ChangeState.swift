/// `ta.change(source, length)` and `ta.mom(source, length)`: `source - source[length]`.
public struct ChangeState: Sendable {
    @usableFromInline var history = TARingBuffer()

    public init() {}

    /// Advances one bar and returns the difference (`na` for the first `length` bars).
    @inlinable
    public mutating func update(_ source: Double, length: Int = 1) -> Double {
        guard length >= 0, length < TAMath.maximumLength else { return .nan }
        if history.capacity < length + 1 { history.resize(capacity: length + 1) }
        history.push(source)
        return source - history[length]
    }

    /// `ta.change(bool)`: true when the value differs from the previous bar's.
    @inlinable
    public mutating func update(_ source: Bool, length: Int = 1) -> Bool {
        let d = update(source ? 1.0 : 0.0, length: length)
        return !d.isNaN && d != 0
    }
}

/// `ta.mom(source, length)` is the same computation as `ta.change`.
public typealias MomState = ChangeState
