/// A value known before the script runs: a literal, a folded constant expression,
/// or a built-in constant kept by its dotted name.
public enum ConstantValue: Sendable, Hashable, CustomStringConvertible {
    case int(Int)
    case float(Double)
    case bool(Bool)
    case string(String)
    case color(ColorLiteral)
    case na
    /// A built-in constant or variable by name: `strategy.commission.percent`, `close`.
    case constant(String)
    /// A list of constants: `options=[1, 2, 3]`.
    case list([ConstantValue])

    public var description: String {
        switch self {
        case .int(let v): return String(v)
        case .float(let v): return String(v)
        case .bool(let v): return v ? "true" : "false"
        case .string(let v): return v
        case .color(let c): return ConstantValue.hex(c)
        case .na: return "na"
        case .constant(let name): return name
        case .list(let values): return "[" + values.map(\.description).joined(separator: ", ") + "]"
        }
    }

    /// False when the value names a built-in series (`close`): folding keeps such names
    /// (an `input.source` default is one), but they are not constants.
    public var isConstant: Bool {
        switch self {
        case .constant(let name):
            if name.hasPrefix("color.") { return true }
            return Builtins.variable(named: name)?.isConstant ?? false
        case .list(let values): return values.allSatisfy(\.isConstant)
        default: return true
        }
    }

    /// The value as a number (ints and floats), or nil.
    public var number: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .float(let v): return v
        default: return nil
        }
    }

    /// The value as an input value (numbers, bools, strings; colors and names as text).
    public var inputValue: InputValue? {
        switch self {
        case .int(let v): return .int(v)
        case .float(let v): return .float(v)
        case .bool(let v): return .bool(v)
        case .string(let v): return .string(v)
        case .color(let c): return .string(ConstantValue.hex(c))
        case .constant(let name): return .string(name)
        case .na, .list: return nil
        }
    }

    static func hex(_ c: ColorLiteral) -> String {
        let digits = Array("0123456789ABCDEF")
        var text = "#"
        for byte in [c.red, c.green, c.blue, c.alpha] {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xF)])
        }
        return text
    }

    /// Folds a constant expression: literals, `-x`, `not x`, arithmetic, string `+`,
    /// comparisons, `and`/`or`, `?:`, lists, and dotted built-in names (kept by name).
    /// Returns nil when the expression depends on anything not known before the run.
    public static func fold(_ expr: Expression) -> ConstantValue? {
        fold(expr, constants: [:])
    }

    /// Folds with the values of the script's own constants (`GROUP = "Signals"`,
    /// `const int LEN = 14`) available by name.
    public static func fold(_ expr: Expression, constants: [String: ConstantValue]) -> ConstantValue? {
        func fold(_ e: Expression) -> ConstantValue? { ConstantValue.fold(e, constants: constants) }
        switch expr.kind {
        case .intLiteral(let v): return .int(v)
        case .floatLiteral(let v): return .float(v)
        case .boolLiteral(let v): return .bool(v)
        case .stringLiteral(let v): return .string(v)
        case .colorLiteral(let c): return .color(c)
        case .na: return .na
        case .identifier(let name) where constants[name] != nil:
            return constants[name]
        case .call(let call):
            // `color.new(color.blue, 20)`, `color.rgb(...)`: kept as written, arguments folded.
            guard let callee = call.callee.dottedName, callee == "color.new" || callee == "color.rgb",
                call.arguments.allSatisfy({ $0.label == nil })
            else { return nil }
            var parts: [String] = []
            for argument in call.arguments {
                guard let value = fold(argument.value) else { return nil }
                parts.append(value.description)
            }
            return .constant(callee + "(" + parts.joined(separator: ", ") + ")")
        case .identifier, .member:
            // Built-in names are kept by name (`strategy.fixed`, and `close` for input.source).
            guard let name = expr.dottedName, Builtins.variable(named: name) != nil else { return nil }
            return .constant(name)
        case .tuple(let elements):
            var values: [ConstantValue] = []
            for element in elements {
                guard let value = fold(element) else { return nil }
                values.append(value)
            }
            return .list(values)
        case .unary(let op, let operand):
            guard let value = fold(operand) else { return nil }
            switch (op, value) {
            case (.minus, .int(let v)): return v == Int.min ? nil : .int(-v)
            case (.minus, .float(let v)): return .float(-v)
            case (.plus, .int), (.plus, .float): return value
            case (.not, .bool(let v)): return .bool(!v)
            default: return nil
            }
        case .binary(let op, let l, let r):
            guard let a = fold(l), let b = fold(r) else { return nil }
            return binary(op, a, b)
        case .ternary(let c, let t, let o):
            guard case .bool(let condition)? = fold(c) else { return nil }
            return fold(condition ? t : o)
        default:
            return nil
        }
    }

    private static func binary(_ op: BinaryOperator, _ a: ConstantValue, _ b: ConstantValue) -> ConstantValue? {
        if case .string(let x) = a, case .string(let y) = b {
            switch op {
            case .add: return .string(x + y)
            case .equal: return .bool(x == y)
            case .notEqual: return .bool(x != y)
            default: return nil
            }
        }
        if case .bool(let x) = a, case .bool(let y) = b {
            switch op {
            case .and: return .bool(x && y)
            case .or: return .bool(x || y)
            case .equal: return .bool(x == y)
            case .notEqual: return .bool(x != y)
            default: return nil
            }
        }
        if case .int(let x) = a, case .int(let y) = b {
            switch op {
            case .add: return x.addingReportingOverflow(y).overflow ? nil : .int(x + y)
            case .subtract: return x.subtractingReportingOverflow(y).overflow ? nil : .int(x - y)
            case .multiply: return x.multipliedReportingOverflow(by: y).overflow ? nil : .int(x * y)
            case .divide: return y == 0 ? .na : (x % y == 0 ? .int(x / y) : .float(Double(x) / Double(y)))
            case .modulo: return y == 0 ? .na : (x == Int.min && y == -1 ? .int(0) : .int(x % y))
            default: break
            }
        }
        guard let x = a.number, let y = b.number else { return nil }
        switch op {
        case .add: return .float(x + y)
        case .subtract: return .float(x - y)
        case .multiply: return .float(x * y)
        case .divide: return y == 0 ? .na : .float(x / y)
        case .modulo:
            if y == 0 { return .na }
            let q = x / y
            guard q.isFinite, abs(q) < 9e15 else { return nil }
            return .float(x - y * Double(Int(q)))
        case .equal: return .bool(x == y)
        case .notEqual: return .bool(x != y)
        case .less: return .bool(x < y)
        case .lessEqual: return .bool(x <= y)
        case .greater: return .bool(x > y)
        case .greaterEqual: return .bool(x >= y)
        case .and, .or: return nil
        }
    }
}
