/// A sequence of statements: a script body, an `if` branch, a function body.
/// When a block is used as a value, its last statement gives the value.
public typealias Block = [Statement]

/// A statement of a Pine script, with the exact source text it covers.
public struct Statement: Sendable, Hashable {
    /// What the statement is.
    public var kind: Kind
    /// The source text of the whole statement (for compound statements, up to the
    /// end of their last nested line).
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The forms a statement takes.
    public indirect enum Kind: Sendable, Hashable {
        /// `[var|varip] [qualifier] [type] name = value`.
        case variableDeclaration(VariableDeclaration)
        /// `[a, b, c] = f(...)`.
        case tupleDeclaration(TupleDeclaration)
        /// `target := value`, `target += value`, ...
        case assignment(Assignment)
        /// `if` / `else if` / `else`.
        case conditional(Conditional)
        /// `for i = a to b [by s]`.
        case forLoop(ForLoop)
        /// `for x in arr` or `for [i, x] in arr`.
        case forInLoop(ForInLoop)
        /// `while condition`.
        case whileLoop(WhileLoop)
        /// `switch [subject]` with its cases.
        case switchStatement(Switch)
        /// `break`.
        case breakStatement
        /// `continue`.
        case continueStatement
        /// An expression evaluated for its effect or value: `strategy.entry(...)`.
        case expression(Expression)
        /// `[export] [method] name(params) => body`.
        case functionDeclaration(FunctionDeclaration)
        /// `[export] type Name` with its fields.
        case typeDeclaration(TypeDeclaration)
        /// `[export] enum Name` with its members.
        case enumDeclaration(EnumDeclaration)
        /// `import user/lib/1 [as alias]`.
        case importStatement(Import)
    }
}
