/// The resource limits pfopt sets on a script. Each one is checked and
/// reported as a located error that names the limit and how to get under it,
/// so a script too big for the machine is refused before it runs instead of
/// exhausting the stack or the memory halfway through a sweep.
public enum ScriptLimits {
    /// The largest script file, in bytes of UTF-8 text.
    public static let maxBytes = 8_000_000
    /// The most lines a script may have.
    public static let maxLines = 250_000
    /// The most variables a script may declare, all scopes together (each name
    /// of a declaration, a tuple declaration or a loop counts once).
    public static let maxVariables = 100_000
    /// The deepest nesting the parser accepts: each block, bracket, call,
    /// unary operator and link of an operator chain is one level.
    public static let maxNesting = 200
    /// The furthest back `x[n]` may reach, in bars, for every series.
    public static let maxHistory = 5_000
    /// The most loop iterations on one bar, all loops of the script together.
    public static let maxLoopIterationsPerBar = 1_000_000

    /// The error for a source over the size limits, located at the first line
    /// (or byte) beyond them; nil when the source fits.
    public static func sizeProblem(of source: String) -> Diagnostic? {
        var line = 1
        var column = 1
        var offset = 0
        for byte in source.utf8 {
            if offset == maxBytes {
                return Diagnostic(
                    .error,
                    "the script is larger than \(maxBytes) bytes, pfopt's limit: move repeated code into functions or split the strategy",
                    at: point(line, column, offset))
            }
            if line > maxLines {
                return Diagnostic(
                    .error,
                    "the script has more than \(maxLines) lines, pfopt's limit: move repeated code into functions or split the strategy",
                    at: point(line, column, offset))
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
        return nil
    }

    /// The errors of a parsed script over the limits on its variables and on
    /// constant history offsets, in source order.
    public static func problems(in script: Script) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var variables = 0
        var reported = false
        func declare(_ names: [Name]) {
            variables += names.count
            guard variables > maxVariables, !reported, let last = names.last else { return }
            reported = true
            problems.append(
                Diagnostic(
                    .error,
                    "the script declares more than \(maxVariables) variables, pfopt's limit: reuse variables, or use arrays or functions for repeated values",
                    at: last.range))
        }
        SyntaxWalk.walk(
            script.statements,
            statement: { s in
                switch s.kind {
                case .variableDeclaration(let d): declare([d.name])
                case .tupleDeclaration(let d): declare(d.names)
                case .forLoop(let f): declare([f.variable])
                case .forInLoop(let f): declare([f.index, f.value].compactMap { $0 })
                default: break
                }
            },
            expression: { e in
                guard case .index(_, let offset) = e.kind, case .intLiteral(let n) = offset.kind, n > maxHistory else {
                    return
                }
                problems.append(Diagnostic(.error, historyMessage(n), at: offset.range))
            })
        return problems.sorted { $0.range.start.offset < $1.range.start.offset }
    }

    /// Why `x[n]` is refused when `n` is beyond the history limit.
    public static func historyMessage(_ n: Int) -> String {
        "[\(n)] reaches \(n) bars back, beyond the \(maxHistory) bars of history pfopt keeps per series: "
            + "use an offset of at most \(maxHistory), or save the value you need in a `var` variable when it occurs"
    }

    private static func point(_ line: Int, _ column: Int, _ offset: Int) -> SourceRange {
        let at = SourceLocation(line: line, column: column, offset: offset)
        return SourceRange(start: at, end: at)
    }
}
