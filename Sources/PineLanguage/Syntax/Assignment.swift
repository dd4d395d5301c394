/// `target op value`. The target is an identifier, or a member chain for a field
/// of a user-defined type (`obj.count += 1`).
public struct Assignment: Sendable, Hashable {
    public var target: Expression
    public var op: AssignmentOperator
    public var value: Expression

    public init(target: Expression, op: AssignmentOperator, value: Expression) {
        self.target = target
        self.op = op
        self.value = value
    }

    /// The assigned variable's name when the target is a plain identifier.
    public var targetName: String? {
        if case .identifier(let name) = target.kind { return name }
        return nil
    }
}
