/// `if c1 ... else if c2 ... else ...`: the branches in order and the optional `else` body.
public struct Conditional: Sendable, Hashable {
    public var branches: [ConditionalBranch]
    public var elseBody: Block?

    public init(branches: [ConditionalBranch], elseBody: Block?) {
        self.branches = branches
        self.elseBody = elseBody
    }
}
