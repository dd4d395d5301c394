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
