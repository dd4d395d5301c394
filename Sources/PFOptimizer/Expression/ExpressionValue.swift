/// What an expression evaluates to: a number (booleans are 1 and 0, `na`
/// is NaN) or a string.
public enum ExpressionValue: Sendable, Equatable {
    case number(Double)
    case text(String)

    /// The number, NaN for a string.
    public var number: Double {
        if case .number(let d) = self { return d }
        return .nan
    }

    /// True for a non-zero, non-NaN number or a non-empty string.
    public var isTrue: Bool {
        switch self {
        case .number(let d): return !d.isNaN && d != 0
        case .text(let s): return !s.isEmpty
        }
    }
}
