/// Reads one table of a config strictly: typed getters, and `finish()`
/// rejects any key that was not read.
struct TableReader {
    let document: ConfigDocument
    let path: [String]
    let entries: [String: ConfigValue]
    private var used: Set<String> = []

    init(_ document: ConfigDocument, _ path: [String]) throws(ConfigError) {
        self.document = document
        self.path = path
        switch document.value(at: path) {
        case .none: entries = [:]
        case .table(let t): entries = t
        case .some(let other):
            throw document.error(path, "expected a table, found \(other.typeName)")
        }
    }

    /// True when the table is present in the config.
    var isPresent: Bool { document.value(at: path) != nil }

    /// The keys of the table, sorted by their line then name.
    var keysInOrder: [String] {
        entries.keys.sorted { a, b in
            let la = document.line(of: path + [a]) ?? Int.max
            let lb = document.line(of: path + [b]) ?? Int.max
            return la != lb ? la < lb : a < b
        }
    }

    func error(_ key: String, _ message: String) -> ConfigError {
        document.error(path + [key], message)
    }

    mutating func raw(_ key: String) -> ConfigValue? {
        used.insert(key)
        return entries[key]
    }

    mutating func string(_ key: String) throws(ConfigError) -> String? {
        guard let v = raw(key) else { return nil }
        switch v {
        case .string(let s): return s
        case .datetime(let s): return s
        default: throw error(key, "expected a string, found \(v.typeName)")
        }
    }

    mutating func requiredString(_ key: String) throws(ConfigError) -> String {
        guard let s = try string(key) else { throw error(key, "missing; it is required") }
        return s
    }

    mutating func int(_ key: String) throws(ConfigError) -> Int? {
        guard let v = raw(key) else { return nil }
        switch v {
        case .int(let i): return i
        case .float(let d) where d.rounded() == d && abs(d) < 9e15: return Int(d)
        default: throw error(key, "expected an integer, found \(v.typeName) \(v)")
        }
    }

    mutating func double(_ key: String) throws(ConfigError) -> Double? {
        guard let v = raw(key) else { return nil }
        switch v {
        case .int(let i): return Double(i)
        case .float(let d): return d
        default: throw error(key, "expected a number, found \(v.typeName)")
        }
    }

    mutating func bool(_ key: String) throws(ConfigError) -> Bool? {
        guard let v = raw(key) else { return nil }
        guard case .bool(let b) = v else { throw error(key, "expected true or false, found \(v.typeName)") }
        return b
    }

    mutating func stringArray(_ key: String) throws(ConfigError) -> [String]? {
        guard let v = raw(key) else { return nil }
        switch v {
        case .string(let s): return [s]
        case .array(let items):
            var out: [String] = []
            for item in items {
                guard case .string(let s) = item else {
                    throw error(key, "expected an array of strings, found \(item.typeName) \(item)")
                }
                out.append(s)
            }
            return out
        default: throw error(key, "expected an array of strings, found \(v.typeName)")
        }
    }

    mutating func oneOf(_ key: String, _ allowed: [String], default value: String) throws(ConfigError) -> String {
        guard let s = try string(key) else { return value }
        guard allowed.contains(s) else {
            throw error(key, "\"\(s)\" is not one of \(allowed.joined(separator: ", "))")
        }
        return s
    }

    /// Marks a sub-table as read (it is decoded by its own reader).
    mutating func markUsed(_ key: String) { used.insert(key) }

    /// Throws for the first key (in file order) that was never read.
    func finish(allowed: [String]) throws(ConfigError) {
        for key in keysInOrder where !used.contains(key) {
            let where_ = path.isEmpty ? "at the top level" : "in [\(path.joined(separator: "."))]"
            throw error(key, "unknown key \(where_); expected one of \(allowed.joined(separator: ", "))")
        }
    }
}
