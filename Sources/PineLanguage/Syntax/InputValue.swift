/// A value an input can take: what `--set`, `[strategy.inputs]` and
/// `[params]` supply and what `input.*` declares as its default.
public enum InputValue: Sendable, Hashable, CustomStringConvertible {
    case int(Int)
    case float(Double)
    case bool(Bool)
    case string(String)

    public var description: String {
        switch self {
        case .int(let v): return String(v)
        case .float(let v): return String(v)
        case .bool(let v): return v ? "true" : "false"
        case .string(let v): return v
        }
    }

    /// The numeric value (ints and floats; bools as 0/1), or nil for strings.
    public var numericValue: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .float(let v): return v
        case .bool(let v): return v ? 1 : 0
        case .string: return nil
        }
    }
}
