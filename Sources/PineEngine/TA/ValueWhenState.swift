/// `ta.valuewhen(condition, source, occurrence)`: `source` on the bar where `condition` was true
/// for the `occurrence`-th most recent time (0 = most recent).
///
/// Only matching bars are recorded; an `na` source on a matching bar is recorded as `na` and
/// still counts as an occurrence. `na` until `occurrence + 1` matches were seen.
public struct ValueWhenState: Sendable {
    @usableFromInline var matches = TARingBuffer()

    public init() {}

    /// Advances one bar and returns the recorded value, or `na`.
    @inlinable
    public mutating func update(_ condition: Bool, _ source: Double, occurrence: Int) -> Double {
        guard occurrence >= 0, occurrence < TAMath.maximumLength else { return .nan }
        if matches.capacity < occurrence + 1 { matches.resize(capacity: occurrence + 1) }
        if condition { matches.push(source) }
        return matches[occurrence]
    }
}
