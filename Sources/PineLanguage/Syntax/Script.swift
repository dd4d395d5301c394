/// A parsed Pine script.
public struct Script: Sendable, Hashable {
    /// The number in `//@version=N`, nil when the annotation is missing.
    public var version: Int?
    /// The `strategy(...)`, `indicator(...)` or `library(...)` call. It is NOT
    /// repeated in `statements`.
    public var declaration: ScriptDeclaration?
    /// The top-level statements in source order (without the declaration call).
    public var statements: Block
    /// The whole source.
    public var range: SourceRange

    public init(version: Int?, declaration: ScriptDeclaration?, statements: Block, range: SourceRange) {
        self.version = version
        self.declaration = declaration
        self.statements = statements
        self.range = range
    }
}
