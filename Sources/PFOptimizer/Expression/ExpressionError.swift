/// An expression (constraint, filter or objective) that cannot be read.
public struct ExpressionError: Error, CustomStringConvertible, Equatable, Sendable {
    /// 1-based column in the expression text.
    public var column: Int
    public var message: String

    public var description: String { "column \(column): \(message)" }
}
