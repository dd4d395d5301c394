/// A problem with a sweep or walk-forward config, found before anything runs.
public enum ConfigError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file could not be read.
    case unreadable(file: String, reason: String)
    /// The file is not valid TOML.
    case syntax(file: String, line: Int, column: Int, message: String)
    /// A key has a bad value, is unknown, or is missing. `line` is nil for
    /// keys set with `--set` or missing from the file.
    case key(file: String, line: Int?, key: String, message: String)
    /// A `--set key=value` flag is malformed.
    case badOverride(String, message: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the config: \(reason)"
        case .syntax(let file, let line, let column, let message):
            return "\(file):\(line):\(column): \(message)"
        case .key(let file, let line, let key, let message):
            if let line { return "\(file):\(line): \(key): \(message)" }
            return "\(file): \(key): \(message)"
        case .badOverride(let text, let message):
            return "--set \(text): \(message)"
        }
    }

    /// The key the error is about, if any.
    public var key: String? {
        if case .key(_, _, let key, _) = self { return key }
        return nil
    }

    /// The line the error is about, if known.
    public var line: Int? {
        switch self {
        case .syntax(_, let line, _, _): return line
        case .key(_, let line, _, _): return line
        default: return nil
        }
    }
}
