/// `ta.percentrank(source, length)`: percentage of the previous `length` values that are less
/// than or equal to the current one (Pine's 1e-10 tolerance). `na` for the first `length` bars.
public struct PercentRankState: Sendable {
    @usableFromInline var history = TARingBuffer()

    public init() {}

    /// Advances one bar and returns the rank, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        guard length > 0, length <= TAMath.maximumLength else { return .nan }
        if history.capacity < length + 1 { history.resize(capacity: length + 1) }
        history.push(source)
        if source.isNaN || history.count < length + 1 { return .nan }
        var count = 0
        for i in 1...length where TAMath.lessOrEqual(history[i], source) {
            count += 1
        }
        return 100 * Double(count) / Double(length)
    }
}
