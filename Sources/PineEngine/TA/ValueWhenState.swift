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

/// `ta.barssince(condition)`: bars since `condition` was last true (0 on a true bar), `na`
/// before the first true bar.
public struct BarsSinceState: Sendable {
    @usableFromInline var count = Double.nan

    public init() {}

    /// Advances one bar and returns the count, or `na`.
    @inlinable
    public mutating func update(_ condition: Bool) -> Double {
        if condition {
            count = 0
        } else if !count.isNaN {
            count += 1
        }
        return count
    }
}

/// `ta.cum(source)`: cumulative sum from the first bar; `na` values add nothing; `na` until
/// the first non-`na` value.
public struct CumState: Sendable {
    @usableFromInline var total = Double.nan

    public init() {}

    /// Advances one bar and returns the running total.
    @inlinable
    public mutating func update(_ source: Double) -> Double {
        if !source.isNaN {
            total = total.isNaN ? source : total + source
        }
        return total
    }
}

/// `ta.max(source)`: the all-time maximum of `source` (ignoring `na`).
public struct MaxState: Sendable {
    @usableFromInline var value = Double.nan

    public init() {}

    /// Advances one bar and returns the maximum so far.
    @inlinable
    public mutating func update(_ source: Double) -> Double {
        if !source.isNaN && (value.isNaN || source > value) { value = source }
        return value
    }
}

/// `ta.min(source)`: the all-time minimum of `source` (ignoring `na`).
public struct MinState: Sendable {
    @usableFromInline var value = Double.nan

    public init() {}

    /// Advances one bar and returns the minimum so far.
    @inlinable
    public mutating func update(_ source: Double) -> Double {
        if !source.isNaN && (value.isNaN || source < value) { value = source }
        return value
    }
}
