/// An expression of a Pine script, with the exact source text it covers.
public struct Expression: Sendable, Hashable {
    /// What the expression is.
    public var kind: Kind
    /// The source text of the whole expression.
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The forms an expression takes.
    public enum Kind: Sendable, Hashable {
        /// An integer literal: `14`.
        case intLiteral(Int)
        /// A float literal: `1.5`, `2e-3`, `.5`.
        case floatLiteral(Double)
        /// `true` or `false`.
        case boolLiteral(Bool)
        /// A string literal in either quotes, escapes already resolved.
        case stringLiteral(String)
        /// A color literal `#RRGGBB` or `#RRGGBBAA`.
        case colorLiteral(ColorLiteral)
        /// The bare `na` value (a call `na(x)` is a `.call`).
        case na
        /// A plain name: `close`, `fastLen`.
        case identifier(String)
        /// Member access `base.name`: `strategy.long`, `ta.sma`, `obj.field`.
        indirect case member(base: Expression, name: String, nameRange: SourceRange)
        /// A call, possibly with generic type arguments: `array.new<float>(10)`.
        indirect case call(Call)
        /// History reference `base[offset]`.
        indirect case index(base: Expression, offset: Expression)
        /// A prefix operator: `-x`, `+x`, `not x`.
        indirect case unary(UnaryOperator, Expression)
        /// A binary operator: `a + b`, `a and b`, `a >= b`.
        indirect case binary(BinaryOperator, Expression, Expression)
        /// `condition ? then : else`.
        indirect case ternary(condition: Expression, then: Expression, otherwise: Expression)
        /// `if` used as a value: `x = if c ...`.
        indirect case conditional(Conditional)
        /// `switch` used as a value.
        indirect case switchExpression(Switch)
        /// A `for i = a to b` loop used as a value.
        indirect case forLoop(ForLoop)
        /// A `for x in arr` loop used as a value.
        indirect case forInLoop(ForInLoop)
        /// A `while` loop used as a value.
        indirect case whileLoop(WhileLoop)
        /// A bracketed list `[a, b, c]`: a function's tuple result or an `options=` list.
        indirect case tuple([Expression])
    }

    /// The dotted name of an identifier or member chain (`strategy.commission.percent`),
    /// or nil for any other expression.
    public var dottedName: String? {
        switch kind {
        case .identifier(let name): return name
        case .member(let base, let name, _):
            guard let prefix = base.dottedName else { return nil }
            return prefix + "." + name
        default: return nil
        }
    }
}

/// A color literal's channels. `alpha` is 255 for an opaque `#RRGGBB`.
public struct ColorLiteral: Sendable, Hashable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8
    public var alpha: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }
}

/// A call `callee<typeArguments>(arguments)`.
public struct Call: Sendable, Hashable {
    /// What is called: usually an identifier or member chain (`ta.sma`), or a
    /// method call's `receiver.name`.
    public var callee: Expression
    /// Generic type arguments: `<float>` in `array.new<float>()`.
    public var typeArguments: [TypeReference]
    /// The arguments in source order.
    public var arguments: [CallArgument]

    public init(callee: Expression, typeArguments: [TypeReference] = [], arguments: [CallArgument]) {
        self.callee = callee
        self.typeArguments = typeArguments
        self.arguments = arguments
    }
}

/// One argument of a call, positional or named (`minval=1`).
public struct CallArgument: Sendable, Hashable {
    /// The name in `name=value`, nil for a positional argument.
    public var label: String?
    /// Where the label stands, when there is one.
    public var labelRange: SourceRange?
    public var value: Expression
    /// The whole argument, label included.
    public var range: SourceRange

    public init(label: String?, labelRange: SourceRange?, value: Expression, range: SourceRange) {
        self.label = label
        self.labelRange = labelRange
        self.value = value
        self.range = range
    }
}

/// Prefix operators.
public enum UnaryOperator: String, Sendable, Hashable {
    /// `-x`
    case minus = "-"
    /// `+x`
    case plus = "+"
    /// `not x`
    case not = "not"
}

/// Binary operators, with Pine's precedence.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case modulo = "%"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case and = "and"
    case or = "or"

    /// Pine's binding strength: higher binds tighter (`*` 7, `+` 6, `<` 5, `==` 4, `and` 3, `or` 2).
    public var precedence: Int {
        switch self {
        case .multiply, .divide, .modulo: return 7
        case .add, .subtract: return 6
        case .less, .lessEqual, .greater, .greaterEqual: return 5
        case .equal, .notEqual: return 4
        case .and: return 3
        case .or: return 2
        }
    }
}

/// Another name for `Expression`: Foundation also declares an `Expression` type,
/// so files that import both modules can write `Expr` (or `PineLanguage.Expression`).
public typealias Expr = Expression
