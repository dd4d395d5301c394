/// Assignment operators.
public enum AssignmentOperator: String, Sendable, Hashable {
    case reassign = ":="
    case add = "+="
    case subtract = "-="
    case multiply = "*="
    case divide = "/="
    case modulo = "%="

    /// The arithmetic a compound assignment applies, nil for `:=`.
    public var binaryOperator: BinaryOperator? {
        switch self {
        case .reassign: return nil
        case .add: return .add
        case .subtract: return .subtract
        case .multiply: return .multiply
        case .divide: return .divide
        case .modulo: return .modulo
        }
    }
}
