import PFData

enum JSON {

    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "null" }
        return String(v)
    }

    static func value(_ v: InputValue) -> String {
        switch v {
        case .int(let i): return String(i)
        case .float(let f): return number(f)
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return QuotedString.quoted(s)
        }
    }

    static func value(_ v: ConstantValue) -> String {
        switch v {
        case .int(let i): return String(i)
        case .float(let f): return number(f)
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return QuotedString.quoted(s)
        case .color, .constant: return QuotedString.quoted(v.description)
        case .na: return "null"
        case .list(let xs): return "[" + xs.map(value).joined(separator: ", ") + "]"
        }
    }

    static func object(_ fields: [(String, String)], indent: Int) -> String {
        let pad = String(repeating: " ", count: indent + 2)
        return "{\n" + fields.map { pad + QuotedString.quoted($0.0) + ": " + $0.1 }.joined(separator: ",\n") + "\n"
            + String(repeating: " ", count: indent) + "}"
    }
}
