/// Closures a compiled script is made of. Each takes the instance's runtime;
/// everything else they need (cells, states, child closures) is captured when
/// the instance is built, so the per-bar path has no lookups.
typealias NumFn = (Runtime) throws -> Double
typealias BoolFn = (Runtime) throws -> Bool
typealias StrFn = (Runtime) throws -> String
typealias ArrFn = (Runtime) throws -> PineArray
/// A reference value: an object, a map, a matrix or an array of objects (nil is `na`).
typealias RefFn = (Runtime) throws -> AnyObject?
typealias ExecFn = (Runtime) throws -> Flow

/// A compiled expression: a typed closure, plus its value when it is a
/// compile-time constant (literals, folded operators).
enum CompiledValue {
    /// int, float or color.
    case num(NumFn, ValueType, Double?)
    case bool(BoolFn, Bool?)
    case str(StrFn, String?)
    case array(ArrFn, ValueType)
    /// Objects, maps, matrices and arrays of objects, with their type.
    case ref(RefFn, ValueType)
    /// `[a, b]` results: `prepare` runs first (it computes all elements),
    /// then each element is read.
    case tuple(prepare: ExecFn, elements: [CompiledValue])
    case void(ExecFn)
    /// The bare `na` literal, typed by its context.
    case na

    var type: ValueType {
        switch self {
        case .num(_, let t, _): return t
        case .bool: return .bool
        case .str: return .string
        case .array(_, let e): return .array(e)
        case .ref(_, let t): return t
        case .tuple(_, let es): return .tuple(es.map(\.type))
        case .void: return .void
        case .na: return .na
        }
    }

    var constNumber: Double? {
        switch self {
        case .num(_, _, let c): return c
        case .bool(_, let c): return c.map { $0 ? 1 : 0 }
        case .na: return .nan
        default: return nil
        }
    }

    var constString: String? {
        if case .str(_, let c) = self { return c }
        return nil
    }

    static func constant(_ v: Double, _ t: ValueType) -> CompiledValue {
        .num({ _ in v }, t, v)
    }

    static func constant(_ b: Bool) -> CompiledValue {
        .bool({ _ in b }, b)
    }

    static func constant(_ s: String) -> CompiledValue {
        .str({ _ in s }, s)
    }
}
