/// A data file that could not be imported.
public enum ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file cannot be read.
    case io(file: String, reason: String)
    /// The file holds no bar.
    case empty(file: String)
    /// A required column is absent from the header.
    case missingColumn(file: String, column: String, header: String)
    /// A cell that cannot be read (line and column are 1-based; JSON uses the record number as line).
    case badCell(file: String, line: Int, column: String, text: String, reason: String)
    /// A bar with impossible values.
    case badBar(file: String, line: Int, reason: String)
    /// Times not strictly increasing.
    case badOrder(file: String, line: Int, reason: String)
    /// A format the importer does not understand.
    case unsupported(file: String, reason: String)

    public var description: String {
        switch self {
        case .io(let file, let reason): return "\(file): \(reason)"
        case .empty(let file): return "\(file): the file holds no bars"
        case .missingColumn(let file, let column, let header):
            return "\(file):1: missing column \"\(column)\" (the header has: \(header))"
        case .badCell(let file, let line, let column, let text, let reason):
            return "\(file):\(line): column \"\(column)\": \(reason): \"\(text)\""
        case .badBar(let file, let line, let reason): return "\(file):\(line): \(reason)"
        case .badOrder(let file, let line, let reason): return "\(file):\(line): \(reason)"
        case .unsupported(let file, let reason): return "\(file): \(reason)"
        }
    }
}
