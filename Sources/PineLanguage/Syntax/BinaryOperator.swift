/// Binary operators, with Pine's precedence.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case modulo = "%"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case and = "and"
    case or = "or"

    /// Pine's binding strength: higher binds tighter (`*` 7, `+` 6, `<` 5, `==` 4, `and` 3, `or` 2).
    public var precedence: Int {
        switch self {
        case .multiply, .divide, .modulo: return 7
        case .add, .subtract: return 6
        case .less, .lessEqual, .greater, .greaterEqual: return 5
        case .equal, .notEqual: return 4
        case .and: return 3
        case .or: return 2
        }
    }
}
