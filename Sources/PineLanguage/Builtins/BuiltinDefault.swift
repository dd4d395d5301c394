/// The default a built-in parameter takes when a call leaves it out.
public enum BuiltinDefault: Sendable, Hashable, CustomStringConvertible {
    /// No default: the call must give the argument.
    case required
    /// Optional; when left out the value is `na` (or the engine's documented behaviour,
    /// e.g. `qty` of `strategy.entry` falls back to the `strategy()` defaults).
    case na
    case int(Int)
    case float(Double)
    case bool(Bool)
    case string(String)
    /// A built-in variable or constant, by its dotted name: `close`, `order.ascending`.
    case constant(String)

    public var description: String {
        switch self {
        case .required: return "required"
        case .na: return "na"
        case .int(let v): return String(v)
        case .float(let v): return String(v)
        case .bool(let v): return v ? "true" : "false"
        case .string(let v): return "\"\(v)\""
        case .constant(let v): return v
        }
    }
}
