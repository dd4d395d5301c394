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
