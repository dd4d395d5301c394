/// The result of parsing one Pine source file.
public struct ParseResult: Sendable {
    /// The syntax tree; when there are errors it holds what could be recovered.
    public var script: Script
    /// Errors and warnings in source order.
    public var diagnostics: [Diagnostic]
    /// The file name diagnostics are reported against.
    public var fileName: String
    /// The source text, for rendering diagnostics.
    public var source: String

    /// True when any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Every diagnostic as `file:line:col: error: message`, the source line and a caret.
    public var renderedDiagnostics: String {
        diagnostics.map { $0.rendered(fileName: fileName, source: source) }.joined(separator: "\n")
    }
}
