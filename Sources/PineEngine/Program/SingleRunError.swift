/// Problems with a `pfopt run` request.
public enum SingleRunError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(String)
    case badAssignment(flag: String, text: String)
    case windowOutsideData(String)
    case conflictingFlags(String)

    public var description: String {
        switch self {
        case .unreadable(let p): return "\(p): cannot read the strategy file"
        case .badAssignment(let flag, let text): return "\(flag) expects NAME=VALUE, got '\(text)'"
        case .windowOutsideData(let detail): return "the trade window lies outside the data: \(detail)"
        case .conflictingFlags(let detail): return detail
        }
    }
}
