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
