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
