/// The front end in one call: parse, check support, discover inputs, read the declaration.
public enum PineFrontEnd {
    /// Parses and checks `source`. Never throws or crashes: problems are diagnostics.
    public static func check(source: String, fileName: String) -> CheckedScript {
        check(PineParser.parse(source: source, fileName: fileName))
    }

    /// Checks an already parsed script, with the libraries it imports linked
    /// in (see `LibraryLinker`). The support checker runs only on a script
    /// without syntax errors (a recovered tree would give misleading follow-on errors).
    public static func check(_ parsed: ParseResult) -> CheckedScript {
        var diagnostics = parsed.diagnostics
        var script = parsed.script
        if !parsed.hasErrors {
            let linked = LibraryLinker.link(parsed)
            script = linked.script
            diagnostics += linked.diagnostics
        }
        let (inputs, inputDiagnostics) = InputDiscovery.discover(in: script)
        if !parsed.hasErrors {
            diagnostics += SupportChecker.check(script)
            diagnostics += ScriptLimits.problems(in: parsed.script)
            diagnostics += inputDiagnostics
        }
        diagnostics.sort { $0.range.start.offset < $1.range.start.offset }
        var unique: [Diagnostic] = []
        for d in diagnostics where !unique.contains(d) { unique.append(d) }
        return CheckedScript(
            script: script, diagnostics: unique, inputs: inputs, declaration: DeclarationProperties(script),
            fileName: parsed.fileName, source: parsed.source)
    }
}
