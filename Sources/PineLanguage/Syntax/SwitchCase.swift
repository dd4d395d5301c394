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
