/// A scalar value of a `[symbol]` key pfopt does not interpret.
public enum SymbolFieldValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
}
