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
