/// A symbol file (TOML) that could not be read or written.
public enum SymbolInfoError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read or written.
    case io(file: String, reason: String)
    /// The TOML itself is malformed.
    case syntax(file: String, line: Int, column: Int, reason: String)
    /// A key the symbol file format does not have.
    case unknownKey(file: String, key: String)
    /// A required key is absent.
    case missingKey(file: String, key: String)
    /// A key holds the wrong kind of value.
    case wrongType(file: String, key: String, expected: String)
    /// A key holds a value out of range.
    case invalidValue(file: String, key: String, reason: String)

    public var description: String {
        switch self {
        case .io(let file, let reason): return "\(file): \(reason)"
        case .syntax(let file, let line, let column, let reason):
            return "\(file):\(line):\(column): invalid TOML: \(reason)"
        case .unknownKey(let file, let key): return "\(file): unknown key \"\(key)\" in the symbol file"
        case .missingKey(let file, let key): return "\(file): missing key \"\(key)\" in the symbol file"
        case .wrongType(let file, let key, let expected): return "\(file): key \"\(key)\" must be \(expected)"
        case .invalidValue(let file, let key, let reason): return "\(file): key \"\(key)\": \(reason)"
        }
    }
}
