/// `ta.highest(source, length)` (and `ta.highest(length)` with `source = high`): the highest
/// value of the last `length` bars, `na` for the first `length - 1` bars. `na` values are ignored.
public struct HighestState: Sendable {
    @usableFromInline var window = MonotonicWindow(keepsMaximum: true)

    public init() {}

    /// Advances one bar and returns the highest value, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        guard length > 0, length <= TAMath.maximumLength else { return .nan }
        window.push(source, length: length)
        return window.extreme
    }
}

/// `ta.lowest(source, length)` (and `ta.lowest(length)` with `source = low`).
public struct LowestState: Sendable {
    @usableFromInline var window = MonotonicWindow(keepsMaximum: false)

    public init() {}

    /// Advances one bar and returns the lowest value, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        guard length > 0, length <= TAMath.maximumLength else { return .nan }
        window.push(source, length: length)
        return window.extreme
    }
}

/// `ta.highestbars(source, length)`: offset (0 or negative) to the highest of the last `length`
/// bars; among equal highs the oldest one.
public struct HighestBarsState: Sendable {
    @usableFromInline var window = MonotonicWindow(keepsMaximum: true)

    public init() {}

    /// Advances one bar and returns the offset, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        guard length > 0, length <= TAMath.maximumLength else { return .nan }
        window.push(source, length: length)
        return window.offset
    }
}

/// `ta.lowestbars(source, length)`: offset (0 or negative) to the lowest of the last `length` bars.
public struct LowestBarsState: Sendable {
    @usableFromInline var window = MonotonicWindow(keepsMaximum: false)

    public init() {}

    /// Advances one bar and returns the offset, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        guard length > 0, length <= TAMath.maximumLength else { return .nan }
        window.push(source, length: length)
        return window.offset
    }
}

/// `ta.range(source, length)`: `highest - lowest` of the last `length` bars.
public struct RangeState: Sendable {
    @usableFromInline var high = MonotonicWindow(keepsMaximum: true)
    @usableFromInline var low = MonotonicWindow(keepsMaximum: false)

    public init() {}

    /// Advances one bar and returns the range, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        guard length > 0, length <= TAMath.maximumLength else { return .nan }
        high.push(source, length: length)
        low.push(source, length: length)
        return high.extreme - low.extreme
    }
}
