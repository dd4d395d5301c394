import PFData
/// A small ordered JSON value for reports (keys keep their order; NaN and
/// infinities are written as null).
indirect enum JSONText {
    case number(Double)
    case int(Int)
    case string(String)
    case bool(Bool)
    case null
    case array([JSONText])
    case object([(String, JSONText)])

    /// A number, or null when it is not finite.
    static func num(_ d: Double?) -> JSONText {
        guard let d, d.isFinite else { return .null }
        return .number(d)
    }

    func render(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let close = String(repeating: "  ", count: indent)
        switch self {
        case .number(let d):
            if d.rounded() == d && abs(d) < 1e15 { return String(Int64(d)) }
            return String(d)
        case .int(let i): return String(i)
        case .string(let s): return QuotedString.quoted(s)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy(\.isScalar) { return "[" + items.map { $0.render() }.joined(separator: ", ") + "]" }
            return "[\n" + items.map { pad + $0.render(indent: indent + 1) }.joined(separator: ",\n") + "\n" + close + "]"
        case .object(let entries):
            if entries.isEmpty { return "{}" }
            return "{\n" + entries.map { pad + QuotedString.quoted($0.0) + ": " + $0.1.render(indent: indent + 1) }
                .joined(separator: ",\n") + "\n" + close + "}"
        }
    }

    /// True for a number, string, boolean or null (written inline in arrays).
    var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }
}
