/// `ta.roc(source, length)`: `100 * (source - source[length]) / source[length]`.
public struct ROCState: Sendable {
    @usableFromInline var history = TARingBuffer()

    public init() {}

    /// Advances one bar and returns the rate of change, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        guard length >= 0, length < TAMath.maximumLength else { return .nan }
        if history.capacity < length + 1 { history.resize(capacity: length + 1) }
        history.push(source)
        let old = history[length]
        if old == 0 { return .nan }
        return 100 * (source - old) / old
    }
}
