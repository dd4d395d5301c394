import Foundation
import TOMLKit

/// A parsed TOML config: its value tree, where each key stands, and the
/// `--set` overrides applied on top.
public struct ConfigDocument: Sendable {
    /// The config file's path as given (used in messages).
    public let file: String
    /// The directory relative paths in the config resolve against.
    public let baseDirectory: String
    /// The root table, overrides applied.
    public private(set) var root: [String: ConfigValue]
    /// The raw text of the file (hashed to tell a changed config).
    public let text: String
    private let locator: TOMLKeyLocator
    private var overridden: Set<String> = []

    /// Reads and parses `path`, then applies `overrides` ("key=value", dotted keys).
    public init(path: String, overrides: [String] = []) throws(ConfigError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(file: path, reason: FileErrorText.describe(error))
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        try self.init(text: text, file: path, baseDirectory: absolute.deletingLastPathComponent().path,
                      overrides: overrides)
    }

    /// Parses config text; `file` names it in messages.
    public init(text: String, file: String, baseDirectory: String, overrides: [String] = []) throws(ConfigError) {
        self.file = file
        self.baseDirectory = baseDirectory
        self.text = text
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .syntax(file: file, line: error.source.begin.line, column: error.source.begin.column,
                          message: error.description)
        } catch {
            throw .syntax(file: file, line: 1, column: 1, message: String(describing: error))
        }
        root = ConfigValue.from(table).tableValue ?? [:]
        locator = TOMLKeyLocator(text: text)
        for item in overrides { try applyOverride(item) }
    }

    /// The line `path` stands on (or its nearest ancestor's), nil for keys
    /// set on the command line.
    public func line(of path: [String]) -> Int? {
        var p = path
        while !p.isEmpty {
            if overridden.contains(p.joined(separator: ".")) { return nil }
            p.removeLast()
        }
        // "filters[1]" stands on the line of "filters".
        return locator.line(of: path.map { part in
            if part.hasSuffix("]"), let bracket = part.firstIndex(of: "[") { return String(part[..<bracket]) }
            return part
        })
    }

    /// An error about the key at `path`.
    public func error(_ path: [String], _ message: String) -> ConfigError {
        var key = path.joined(separator: ".")
        if line(of: path) == nil && isOverridden(path) { key += " (from --set)" }
        return .key(file: file, line: line(of: path), key: key, message: message)
    }

    private func isOverridden(_ path: [String]) -> Bool {
        var p = path
        while !p.isEmpty {
            if overridden.contains(p.joined(separator: ".")) { return true }
            p.removeLast()
        }
        return false
    }

    /// Resolves a path from the config against the config's directory.
    public func resolvePath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var p = path
        if p.hasPrefix("~/") {
            return FileManager.default.homeDirectoryForCurrentUser.path + "/" + p.dropFirst(2)
        }
        if p.hasPrefix("./") { p.removeFirst(2) }
        return URL(fileURLWithPath: baseDirectory).appendingPathComponent(p).standardizedFileURL.path
    }

    /// The value at a dotted path, if present.
    public func value(at path: [String]) -> ConfigValue? {
        var current: ConfigValue = .table(root)
        for part in path {
            guard case .table(let t) = current, let next = t[part] else { return nil }
            current = next
        }
        return current
    }

    private mutating func applyOverride(_ item: String) throws(ConfigError) {
        guard let eq = item.firstIndex(of: "=") else {
            throw .badOverride(item, message: "expected KEY=VALUE, e.g. --set search.seed=7")
        }
        let keyText = item[..<eq].trimmingSpaces()
        let valueText = item[item.index(after: eq)...].trimmingSpaces()
        let path = TOMLKeyLocator.splitKey(keyText)
        guard !path.isEmpty else { throw .badOverride(item, message: "the key is empty") }
        let value: ConfigValue
        if let parsed = try? TOMLTable(string: "v = " + valueText), let node = parsed["v"] {
            value = ConfigValue.from(node)
        } else {
            value = .string(valueText)
        }
        guard let updated = Self.setting(value, at: path[...], in: root) else {
            throw .badOverride(item, message: "\(path.dropLast().joined(separator: ".")) is not a table")
        }
        root = updated
        overridden.insert(path.joined(separator: "."))
    }

    private static func setting(_ value: ConfigValue, at path: ArraySlice<String>, in table: [String: ConfigValue])
        -> [String: ConfigValue]?
    {
        guard let first = path.first else { return table }
        var table = table
        if path.count == 1 {
            table[first] = value
            return table
        }
        let child: [String: ConfigValue]
        switch table[first] {
        case .none: child = [:]
        case .table(let t): child = t
        default: return nil
        }
        guard let updated = setting(value, at: path.dropFirst(), in: child) else { return nil }
        table[first] = .table(updated)
        return table
    }
}
