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

/// Another name for `Expression`: Foundation also declares an `Expression` type,
/// so files that import both modules can write `Expr` (or `PineLanguage.Expression`).
public typealias Expr = Expression
