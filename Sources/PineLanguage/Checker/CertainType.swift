/// A value type the support checker is certain of before the script is
/// compiled. The checker refuses on it only where the type cannot be
/// anything else: a `float` literal, `input.float(...)`, `float(...)`, a
/// variable declared `float` or initialized with such a value, and
/// arithmetic with such a value; a comparison, `and`/`or`/`not` or a bool
/// literal for `bool`. Anything else (a function's result, a ternary, a
/// tuple element) is unknown and never refused on.
enum CertainType: Sendable, Equatable {
    case float
    case bool

    /// The certain type of `expression`, reading variables through `variable`.
    static func of(_ expression: Expression, variable: (String) -> CertainType?) -> CertainType? {
        switch expression.kind {
        case .floatLiteral: return .float
        case .boolLiteral: return .bool
        case .identifier(let name): return variable(name)
        case .call(let call):
            guard let name = call.callee.dottedName else { return nil }
            return name == "input.float" || name == "float" ? .float : nil
        case .unary(let op, let operand):
            switch op {
            case .not: return .bool
            case .minus, .plus: return of(operand, variable: variable) == .float ? .float : nil
            }
        case .binary(let op, let l, let r):
            switch op {
            case .add, .subtract, .multiply, .divide, .modulo:
                return of(l, variable: variable) == .float || of(r, variable: variable) == .float ? .float : nil
            case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .and, .or:
                return .bool
            }
        default:
            return nil
        }
    }

    /// The certain type a declaration gives its variable: the written type
    /// (`float`, `bool`), else its initializer's.
    static func declared(_ type: TypeReference?, _ initializer: Expression?, variable: (String) -> CertainType?) -> CertainType? {
        if let type {
            guard type.arguments.isEmpty && !type.isLegacyArray else { return nil }
            switch type.name {
            case "float": return .float
            case "bool": return .bool
            default: return nil
            }
        }
        return initializer.flatMap { of($0, variable: variable) }
    }
}
