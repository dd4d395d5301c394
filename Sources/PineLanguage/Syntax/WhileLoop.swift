/// `while condition`.
public struct WhileLoop: Sendable, Hashable {
    public var condition: Expression
    public var body: Block

    public init(condition: Expression, body: Block) {
        self.condition = condition
        self.body = body
    }
}
