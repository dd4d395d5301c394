/// Small numeric helpers shared by the `ta.*` states.
public enum TAMath {
    /// History kept by windowed states before their length asks for more (like Pine's default
    /// `max_bars_back`): a series length that later grows up to this finds its older values.
    public static let defaultHistory = 500

    /// Largest length (or offset, occurrence) a state accepts; beyond it the result is `na`
    /// instead of an unbounded allocation. TradingView's own limits are far lower.
    public static let maximumLength = 100_000

    /// Pine's float comparison tolerance: values closer than this are equal.
    public static let epsilon = 1e-10

    /// True when `value` is within Pine's tolerance of zero.
    @inlinable public static func isZero(_ value: Double) -> Bool {
        abs(value) <= epsilon
    }

    /// Tolerant `a > b` (false when either is `na`).
    @inlinable public static func greater(_ a: Double, _ b: Double) -> Bool {
        a - b > epsilon
    }

    /// Tolerant `a < b` (false when either is `na`).
    @inlinable public static func less(_ a: Double, _ b: Double) -> Bool {
        b - a > epsilon
    }

    /// Tolerant `a <= b` (false when either is `na`).
    @inlinable public static func lessOrEqual(_ a: Double, _ b: Double) -> Bool {
        a - b <= epsilon
    }

    /// Pine's `math.sign`: -1, 0 or 1; `na` stays `na`.
    @inlinable public static func sign(_ value: Double) -> Double {
        if value.isNaN { return .nan }
        return value > 0 ? 1 : (value < 0 ? -1 : 0)
    }
}
