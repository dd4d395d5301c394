import TOMLKit

/// A TOML value decoded into a plain Sendable tree, with the line each key
/// stands on, so that config errors can name it.
public indirect enum ConfigValue: Sendable, Equatable, CustomStringConvertible {
    case int(Int)
    case float(Double)
    case bool(Bool)
    case string(String)
    /// A TOML date or date-time, kept as its ISO text ("2025-01-01", "2025-01-01T00:00:00Z").
    case datetime(String)
    case array([ConfigValue])
    case table([String: ConfigValue])

    public var description: String {
        switch self {
        case .int(let v): return String(v)
        case .float(let v): return String(v)
        case .bool(let v): return v ? "true" : "false"
        case .string(let v): return "\"" + v + "\""
        case .datetime(let v): return v
        case .array(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .table(let entries):
            return "{ " + entries.keys.sorted().map { "\($0) = \(entries[$0]?.description ?? "")" }
                .joined(separator: ", ") + " }"
        }
    }

    /// A short name of the value's TOML type, for error messages.
    public var typeName: String {
        switch self {
        case .int: return "an integer"
        case .float: return "a number"
        case .bool: return "a boolean"
        case .string: return "a string"
        case .datetime: return "a date"
        case .array: return "an array"
        case .table: return "a table"
        }
    }

    /// The table's entries, or nil when the value is not a table.
    public var tableValue: [String: ConfigValue]? {
        if case .table(let t) = self { return t }
        return nil
    }

    /// A canonical text of the value (sorted keys), used for hashing.
    var canonicalText: String {
        switch self {
        case .float(let v): return "f" + String(v)
        case .table(let entries):
            return "{" + entries.keys.sorted().map { "\($0)=\(entries[$0]?.canonicalText ?? "")" }
                .joined(separator: ",") + "}"
        case .array(let items): return "[" + items.map(\.canonicalText).joined(separator: ",") + "]"
        default: return description
        }
    }
}

extension ConfigValue {
    /// Converts a TOMLKit node into a `ConfigValue`.
    static func from(_ node: any TOMLValueConvertible) -> ConfigValue {
        switch node.type {
        case .table:
            var entries: [String: ConfigValue] = [:]
            if let table = node.table {
                for (key, value) in table { entries[key] = from(value) }
            }
            return .table(entries)
        case .array:
            var items: [ConfigValue] = []
            if let array = node.array {
                for value in array { items.append(from(value)) }
            }
            return .array(items)
        case .string: return .string(node.string ?? "")
        case .int: return .int(node.int ?? 0)
        case .double: return .float(node.double ?? .nan)
        case .bool: return .bool(node.bool ?? false)
        case .date:
            guard let d = node.date else { return .datetime("") }
            return .datetime(isoDate(d))
        case .time:
            guard let t = node.time else { return .datetime("") }
            return .string(isoTime(t))
        case .dateTime:
            guard let dt = node.dateTime else { return .datetime("") }
            var text = isoDate(dt.date) + "T" + isoTime(dt.time)
            if let offset = dt.offset {
                let minutes = offset.offset
                if minutes == 0 {
                    text += "Z"
                } else {
                    let sign = minutes < 0 ? "-" : "+"
                    text += sign + pad2(abs(minutes) / 60) + ":" + pad2(abs(minutes) % 60)
                }
            }
            return .datetime(text)
        }
    }

    private static func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    private static func isoDate(_ d: TOMLDate) -> String {
        let year = String(d.year)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + pad2(d.month) + "-"
            + pad2(d.day)
    }

    private static func isoTime(_ t: TOMLTime) -> String {
        pad2(t.hour) + ":" + pad2(t.minute) + ":" + pad2(t.second)
    }
}
