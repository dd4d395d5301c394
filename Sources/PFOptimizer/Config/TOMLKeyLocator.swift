/// Finds the line each key of a TOML document stands on. TOMLKit does not
/// report source positions of values, so this small scanner reads the raw
/// text: table headers, `key = value` lines and the keys of inline tables.
struct TOMLKeyLocator: Sendable {
    /// Dotted key path ("params.fast.from") to its 1-based line.
    private(set) var lines: [String: Int] = [:]

    init(text: String) {
        var prefix: [String] = []
        var inMultilineString: String? = nil
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Substring(rawLine)
            if let delimiter = inMultilineString {
                if line.contains(delimiter) { inMultilineString = nil }
                continue
            }
            let chars = Array(stripComment(line).trimmingSpaces())
            if chars.isEmpty { continue }
            if chars[0] == "[" {
                let isArray = chars.count > 1 && chars[1] == "["
                let inner = String(chars).trimmingChars("[]")
                prefix = Self.splitKey(inner)
                if !isArray { record(prefix, lineNumber) }
                continue
            }
            guard let eq = Self.topLevelEquals(chars) else { continue }
            let key = Self.splitKey(String(chars[..<eq]))
            let path = prefix + key
            record(path, lineNumber)
            let value = String(chars[(eq + 1)...]).trimmingSpaces()
            if value.hasPrefix("\"\"\"") && value.dropFirst(3).range(of: "\"\"\"") == nil {
                inMultilineString = "\"\"\""
            } else if value.hasPrefix("'''") && value.dropFirst(3).range(of: "'''") == nil {
                inMultilineString = "'''"
            } else if value.hasPrefix("{") {
                recordInline(Array(value.dropFirst()), path, lineNumber)
            }
        }
    }

    /// The line of `path`, or of its nearest ancestor that has one.
    func line(of path: [String]) -> Int? {
        var p = path
        while !p.isEmpty {
            if let l = lines[p.joined(separator: ".")] { return l }
            p.removeLast()
        }
        return nil
    }

    private mutating func record(_ path: [String], _ line: Int) {
        let key = path.joined(separator: ".")
        if lines[key] == nil { lines[key] = line }
    }

    /// Records the keys of an inline table (`{ a = 1, b = { c = 2 } }`) whose
    /// opening brace has been consumed.
    private mutating func recordInline(_ chars: [Character], _ path: [String], _ line: Int) {
        var stack = [path]
        var token = ""
        var quote: Character? = nil
        var depthBrackets = 0
        var expectingKey = true
        for c in chars {
            if let q = quote {
                if c == q { quote = nil }
                if expectingKey { token.append(c) }
                continue
            }
            switch c {
            case "\"", "'":
                quote = c
                if expectingKey { token.append(c) }
            case "[": depthBrackets += 1
            case "]": depthBrackets -= 1
            case "=" where expectingKey && depthBrackets == 0:
                let keyPath = (stack.last ?? path) + Self.splitKey(token)
                record(keyPath, line)
                token = ""
                expectingKey = false
                stack.append(keyPath)
            case "{" where !expectingKey:
                expectingKey = true
            case "," where depthBrackets == 0:
                if !expectingKey { stack.removeLast() }
                expectingKey = true
                token = ""
            case "}":
                if !expectingKey { stack.removeLast() }
                if stack.count > 1 { stack.removeLast() }
                expectingKey = false
                token = ""
            default:
                if expectingKey { token.append(c) }
            }
            if stack.isEmpty { return }
        }
    }

    private func stripComment(_ line: Substring) -> Substring {
        var quote: Character? = nil
        var index = line.startIndex
        while index < line.endIndex {
            let c = line[index]
            if let q = quote {
                if c == "\\" && q == "\"" {
                    index = line.index(after: index)
                    if index == line.endIndex { break }
                } else if c == q {
                    quote = nil
                }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" {
                return line[..<index]
            }
            index = line.index(after: index)
        }
        return line
    }

    /// The index of the `=` that separates a key from its value.
    private static func topLevelEquals(_ chars: [Character]) -> Int? {
        var quote: Character? = nil
        for (i, c) in chars.enumerated() {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "=" {
                return i
            }
        }
        return nil
    }

    /// Splits a (possibly dotted, possibly quoted) key into its parts.
    static func splitKey(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character? = nil
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "." {
                parts.append(current.trimmingSpaces())
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current.trimmingSpaces())
        return parts.filter { !$0.isEmpty }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (and a trailing CR).
    func trimmingSpaces() -> String {
        trimmingChars(" \t\r")
    }

    func trimmingChars(_ set: String) -> String {
        var start = startIndex
        var end = endIndex
        while start < end, set.contains(self[start]) { start = index(after: start) }
        while end > start, set.contains(self[index(before: end)]) { end = index(before: end) }
        return String(self[start..<end])
    }
}
