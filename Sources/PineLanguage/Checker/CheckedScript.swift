/// A script that went through the whole front end: parsed, checked, its inputs
/// and declaration read.
public struct CheckedScript: Sendable {
    /// The syntax tree.
    public var script: Script
    /// Every error and warning (parser, support checker, inputs), in source order.
    public var diagnostics: [Diagnostic]
    /// The `input*` calls in source order.
    public var inputs: [InputSpec]
    /// The `strategy(...)`/`indicator(...)` properties, when the script has a declaration.
    public var declaration: DeclarationProperties?
    public var fileName: String
    public var source: String

    /// True when any diagnostic is an error: the engine must not run the script.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Every diagnostic as `file:line:col: error: message`, the source line and a caret.
    public var renderedDiagnostics: String {
        diagnostics.map { $0.rendered(fileName: fileName, source: source) }.joined(separator: "\n")
    }

    /// The input with this variable name, or else with this title.
    public func input(named key: String) -> InputSpec? {
        inputs.input(named: key)
    }
}
