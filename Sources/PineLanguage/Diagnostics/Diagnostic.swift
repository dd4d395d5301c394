/// A problem found in a Pine script, with where it is.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    /// One line a trader understands: `request.security is not supported yet`.
    public var message: String
    public var range: SourceRange

    public init(_ severity: Severity = .error, _ message: String, at range: SourceRange) {
        self.severity = severity
        self.message = message
        self.range = range
    }

    /// `line:col: error: message` (without the file name).
    public var description: String { "\(range.start.line):\(range.start.column): \(severity.rawValue): \(message)" }

    /// `file:line:col: error: message`, then the source line and a caret under the spot.
    /// A position inside a linked library is shown against the library's file.
    public func rendered(fileName: String, source: String) -> String {
        if let library = LibrarySources.locate(range) {
            var local = self
            local.range = library.range
            return local.rendered(fileName: library.file, source: library.source)
        }
        var text = "\(fileName):\(range.start.line):\(range.start.column): \(severity.rawValue): \(message)"
        if let line = Diagnostic.line(range.start.line, of: source) {
            var visible = line.replacingTabs()
            let prefix = String(line.prefix(max(0, range.start.column - 1)))
            var indent = prefix.replacingTabs().count
            // A very long line is shown as a window around the spot.
            if visible.count > 160 {
                let from = max(0, indent - 60)
                let window = visible.dropFirst(from).prefix(140)
                visible = (from > 0 ? "..." : "") + window + (from + 140 < visible.count ? "..." : "")
                indent = indent - from + (from > 0 ? 3 : 0)
            }
            text += "\n" + visible
            var width = 1
            if range.end.line == range.start.line, range.end.column > range.start.column {
                width = range.end.column - range.start.column
            }
            width = max(1, min(width, max(1, visible.count - indent)))
            text += "\n" + String(repeating: " ", count: indent) + "^" + String(repeating: "~", count: width - 1)
        }
        return text
    }

    /// The text of the 1-based `number`th line of `source`, without its line break.
    static func line(_ number: Int, of source: String) -> Substring? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = source.startIndex
        var index = source.startIndex
        while index < source.endIndex {
            if source[index] == "\n" || source[index] == "\r\n" {
                if current == number { return source[start..<index] }
                current += 1
                start = source.index(after: index)
            }
            index = source.index(after: index)
        }
        return current == number ? source[start..<source.endIndex] : nil
    }
}

extension StringProtocol {
    fileprivate func replacingTabs() -> String {
        var out = ""
        for ch in self { out += ch == "\t" ? "    " : String(ch) }
        return out
    }
}
