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

/// How a variable keeps its value across bars.
public enum DeclarationMode: String, Sendable, Hashable {
    /// Re-evaluated on every bar (no keyword).
    case none = ""
    /// `var`: initialized once, persists across bars.
    case `var` = "var"
    /// `varip`: like `var`, persists across intrabar updates too.
    case varip = "varip"
}

/// `[var|varip] [qualifier] [type] name = value`.
public struct VariableDeclaration: Sendable, Hashable {
    public var mode: DeclarationMode
    public var qualifier: TypeQualifier?
    public var type: TypeReference?
    public var name: Name
    public var initializer: Expression

    public init(mode: DeclarationMode, qualifier: TypeQualifier?, type: TypeReference?, name: Name, initializer: Expression) {
        self.mode = mode
        self.qualifier = qualifier
        self.type = type
        self.name = name
        self.initializer = initializer
    }
}

/// `[a, b, c] = value`; a name `_` discards its element.
public struct TupleDeclaration: Sendable, Hashable {
    public var names: [Name]
    public var initializer: Expression

    public init(names: [Name], initializer: Expression) {
        self.names = names
        self.initializer = initializer
    }
}

/// Assignment operators.
public enum AssignmentOperator: String, Sendable, Hashable {
    case reassign = ":="
    case add = "+="
    case subtract = "-="
    case multiply = "*="
    case divide = "/="
    case modulo = "%="

    /// The arithmetic a compound assignment applies, nil for `:=`.
    public var binaryOperator: BinaryOperator? {
        switch self {
        case .reassign: return nil
        case .add: return .add
        case .subtract: return .subtract
        case .multiply: return .multiply
        case .divide: return .divide
        case .modulo: return .modulo
        }
    }
}

/// `target op value`. The target is an identifier, or a member chain for a field
/// of a user-defined type (`obj.count += 1`).
public struct Assignment: Sendable, Hashable {
    public var target: Expression
    public var op: AssignmentOperator
    public var value: Expression

    public init(target: Expression, op: AssignmentOperator, value: Expression) {
        self.target = target
        self.op = op
        self.value = value
    }

    /// The assigned variable's name when the target is a plain identifier.
    public var targetName: String? {
        if case .identifier(let name) = target.kind { return name }
        return nil
    }
}

/// One `if`/`else if` branch.
public struct ConditionalBranch: Sendable, Hashable {
    public var condition: Expression
    public var body: Block
    /// From the `if` keyword to the end of the body.
    public var range: SourceRange

    public init(condition: Expression, body: Block, range: SourceRange) {
        self.condition = condition
        self.body = body
        self.range = range
    }
}

/// `if c1 ... else if c2 ... else ...`: the branches in order and the optional `else` body.
public struct Conditional: Sendable, Hashable {
    public var branches: [ConditionalBranch]
    public var elseBody: Block?

    public init(branches: [ConditionalBranch], elseBody: Block?) {
        self.branches = branches
        self.elseBody = elseBody
    }
}

/// `for variable = start to end [by step]`.
public struct ForLoop: Sendable, Hashable {
    public var variable: Name
    public var start: Expression
    public var end: Expression
    public var step: Expression?
    public var body: Block

    public init(variable: Name, start: Expression, end: Expression, step: Expression?, body: Block) {
        self.variable = variable
        self.start = start
        self.end = end
        self.step = step
        self.body = body
    }
}

/// `for value in collection` or `for [index, value] in collection`.
public struct ForInLoop: Sendable, Hashable {
    /// The index variable of the `[index, value]` form.
    public var index: Name?
    public var value: Name
    public var collection: Expression
    public var body: Block

    public init(index: Name?, value: Name, collection: Expression, body: Block) {
        self.index = index
        self.value = value
        self.collection = collection
        self.body = body
    }
}

/// `while condition`.
public struct WhileLoop: Sendable, Hashable {
    public var condition: Expression
    public var body: Block

    public init(condition: Expression, body: Block) {
        self.condition = condition
        self.body = body
    }
}

/// One case of a `switch`: `pattern => body`, or the default `=> body`.
public struct SwitchCase: Sendable, Hashable {
    /// The value (with a subject) or condition (without one); nil for the default case.
    public var pattern: Expression?
    public var body: Block
    public var range: SourceRange

    public init(pattern: Expression?, body: Block, range: SourceRange) {
        self.pattern = pattern
        self.body = body
        self.range = range
    }
}

/// `switch [subject]` and its cases in source order.
public struct Switch: Sendable, Hashable {
    public var subject: Expression?
    public var cases: [SwitchCase]

    public init(subject: Expression?, cases: [SwitchCase]) {
        self.subject = subject
        self.cases = cases
    }
}

/// One parameter of a user function: `[qualifier] [type] name [= default]`.
public struct Parameter: Sendable, Hashable {
    public var qualifier: TypeQualifier?
    public var type: TypeReference?
    public var name: Name
    public var defaultValue: Expression?
    public var range: SourceRange

    public init(qualifier: TypeQualifier?, type: TypeReference?, name: Name, defaultValue: Expression?, range: SourceRange) {
        self.qualifier = qualifier
        self.type = type
        self.name = name
        self.defaultValue = defaultValue
        self.range = range
    }
}

/// `[export] [method] name(parameters) => body`.
public struct FunctionDeclaration: Sendable, Hashable {
    public var name: Name
    public var parameters: [Parameter]
    /// The body; a single-line function `f(x) => x * 2` has one expression statement.
    public var body: Block
    /// True for `f(x) => expr` written on one line.
    public var isSingleLine: Bool
    /// True for `method name(Type self, ...)`.
    public var isMethod: Bool
    public var isExported: Bool

    public init(name: Name, parameters: [Parameter], body: Block, isSingleLine: Bool, isMethod: Bool, isExported: Bool) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.isSingleLine = isSingleLine
        self.isMethod = isMethod
        self.isExported = isExported
    }
}

/// One field of a user-defined type: `[varip] type name [= default]`.
public struct FieldDeclaration: Sendable, Hashable {
    public var isVarip: Bool
    public var type: TypeReference
    public var name: Name
    public var defaultValue: Expression?
    public var range: SourceRange

    public init(isVarip: Bool, type: TypeReference, name: Name, defaultValue: Expression?, range: SourceRange) {
        self.isVarip = isVarip
        self.type = type
        self.name = name
        self.defaultValue = defaultValue
        self.range = range
    }
}

/// `[export] type Name` and its fields.
public struct TypeDeclaration: Sendable, Hashable {
    public var name: Name
    public var fields: [FieldDeclaration]
    public var isExported: Bool

    public init(name: Name, fields: [FieldDeclaration], isExported: Bool) {
        self.name = name
        self.fields = fields
        self.isExported = isExported
    }
}

/// One member of an `enum`: `name [= "title"]`.
public struct EnumMember: Sendable, Hashable {
    public var name: Name
    public var title: Expression?

    public init(name: Name, title: Expression?) {
        self.name = name
        self.title = title
    }
}

/// `[export] enum Name` and its members.
public struct EnumDeclaration: Sendable, Hashable {
    public var name: Name
    public var members: [EnumMember]
    public var isExported: Bool

    public init(name: Name, members: [EnumMember], isExported: Bool) {
        self.name = name
        self.members = members
        self.isExported = isExported
    }
}

/// `import user/library/version [as alias]`.
public struct Import: Sendable, Hashable {
    /// The library path as written: `TradingView/ta/7`.
    public var path: String
    public var alias: Name?

    public init(path: String, alias: Name?) {
        self.path = path
        self.alias = alias
    }
}
