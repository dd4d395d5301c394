/// `[a, b, c] = value`; a name `_` discards its element.
public struct TupleDeclaration: Sendable, Hashable {
    public var names: [Name]
    public var initializer: Expression

    public init(names: [Name], initializer: Expression) {
        self.names = names
        self.initializer = initializer
    }
}
