/// The type of a compiled Pine value. Numbers (`int`, `float`, `color`) and
/// `bool` live unboxed in `Double` cells; `na` is NaN.
indirect enum ValueType: Equatable, CustomStringConvertible, Sendable {
    case int, float, bool, string, color
    /// `array<T>`
    case array(ValueType)
    /// The result of a function returning `[a, b, ...]`.
    case tuple([ValueType])
    /// A call without a value (`strategy.entry`).
    case void
    /// The untyped `na` literal.
    case na
    /// An object of the user-defined type of this name.
    case object(String)
    /// A member of the enum of this name (held as its ordinal).
    case enumeration(String)
    /// `map<K, V>`
    case map(ValueType, ValueType)
    /// `matrix<T>`
    case matrix(ValueType)

    var isNumeric: Bool {
        switch self {
        case .int, .float, .color: return true
        default: return false
        }
    }

    var description: String {
        switch self {
        case .int: return "int"
        case .float: return "float"
        case .bool: return "bool"
        case .string: return "string"
        case .color: return "color"
        case .array(let e): return "array<\(e)>"
        case .tuple(let ts): return "[" + ts.map(\.description).joined(separator: ", ") + "]"
        case .void: return "void"
        case .na: return "na"
        case .object(let name), .enumeration(let name): return name
        case .map(let k, let v): return "map<\(k), \(v)>"
        case .matrix(let e): return "matrix<\(e)>"
        }
    }

    /// The common type of two branches (`cond ? a : b`, if/switch arms).
    static func unify(_ a: ValueType, _ b: ValueType) -> ValueType? {
        if a == b { return a }
        switch (a, b) {
        case (.na, let t), (let t, .na): return t
        case (.int, .float), (.float, .int): return .float
        case (.void, _), (_, .void): return .void
        default: return nil
        }
    }
}
