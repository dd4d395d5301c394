/// A type qualifier written before a type: `const float x = 1`.
public enum TypeQualifier: String, Sendable, Hashable {
    case const, input, simple, series
}
