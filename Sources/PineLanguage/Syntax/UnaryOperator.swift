/// Prefix operators.
public enum UnaryOperator: String, Sendable, Hashable {
    /// `-x`
    case minus = "-"
    /// `+x`
    case plus = "+"
    /// `not x`
    case not = "not"
}
