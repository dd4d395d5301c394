import PineLanguage

/// A script that cannot be compiled: every error with its location.
public struct PineCompileFailure: Error, CustomStringConvertible, Sendable {
    public var fileName: String
    public var errors: [CompileError]
    /// The errors rendered with the source line and a caret under the spot.
    public var rendered: String

    init(fileName: String, source: String, diagnostics: [Diagnostic]) {
        self.fileName = fileName
        errors = diagnostics.map { CompileError(file: fileName, range: $0.range, message: $0.message) }
        rendered = diagnostics.map { $0.rendered(fileName: fileName, source: source) }.joined(separator: "\n")
    }

    init(fileName: String, source: String, errors: [CompileError]) {
        self.fileName = fileName
        self.errors = errors
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        rendered = errors.map { e in
            var text = e.description
            let lines = e.file == fileName ? lines : (LibrarySources.source(ofFile: e.file) ?? "").split(separator: "\n", omittingEmptySubsequences: false)
            if e.line >= 1 && e.line <= lines.count {
                let line = String(lines[e.line - 1])
                text += "\n" + line + "\n" + String(repeating: " ", count: max(0, e.column - 1)) + "^"
            }
            return text
        }.joined(separator: "\n")
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
