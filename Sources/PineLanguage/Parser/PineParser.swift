/// The entry point of the front end's parser.
public enum PineParser {
    /// Parses Pine v6 source. Never throws or crashes: problems come back as diagnostics.
    public static func parse(source: String, fileName: String) -> ParseResult {
        if let tooBig = ScriptLimits.sizeProblem(of: source) {
            let start = SourceLocation(line: 1, column: 1, offset: 0)
            let empty = Script(version: nil, declaration: nil, statements: [], range: SourceRange(start: start, end: start))
            return ParseResult(script: empty, diagnostics: [tooBig], fileName: fileName, source: source)
        }
        var lexer = Lexer(source: source)
        let tokens = lexer.tokenize()
        var parser = Parser(tokens: tokens)
        var script = parser.parseScript(version: lexer.version)
        var diagnostics = lexer.diagnostics
        if lexer.version == 5 {
            let (statements, problems) = Version5Rewrite.rewrite(script.statements)
            script.statements = statements
            diagnostics += problems
        }
        if let version = lexer.version {
            if version != 5 && version != 6 {
                diagnostics.append(
                    Diagnostic(
                        .error, "Pine Script version \(version) is not supported; pfopt reads version 6 (and version 5 where the syntax is the same)",
                        at: lexer.versionRange ?? script.range))
            }
        } else {
            let start = SourceLocation(line: 1, column: 1, offset: 0)
            diagnostics.append(
                Diagnostic(.warning, "no //@version annotation; reading the script as version 6",
                           at: SourceRange(start: start, end: start)))
        }
        // A line the lexer already complained about gives no follow-on parser errors.
        let lexerErrorLines = Set(lexer.diagnostics.map(\.range.start.line))
        diagnostics.append(contentsOf: parser.diagnostics.filter { !lexerErrorLines.contains($0.range.start.line) })
        diagnostics.sort { ($0.range.start.offset, $0.severity == .error ? 0 : 1) < ($1.range.start.offset, $1.severity == .error ? 0 : 1) }
        return ParseResult(script: script, diagnostics: diagnostics, fileName: fileName, source: source)
    }
}
