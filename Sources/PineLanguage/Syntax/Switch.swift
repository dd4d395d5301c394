/// `switch [subject]` and its cases in source order.
public struct Switch: Sendable, Hashable {
    public var subject: Expression?
    public var cases: [SwitchCase]

    public init(subject: Expression?, cases: [SwitchCase]) {
        self.subject = subject
        self.cases = cases
    }
}
