/// A recursive-descent parser over the laid-out token stream.
struct Parser {
    var tokens: [Token]
    var pos = 0
    private(set) var diagnostics: [Diagnostic] = []
    var nesting = 0
    /// The script's `//@version`, set when the script is parsed.
    var version: Int?
    static let maxDiagnostics = 100

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    // MARK: - Token helpers

    var current: Token { tokens[pos] }

    func peek(_ ahead: Int) -> Token {
        let i = pos + ahead
        return i < tokens.count ? tokens[i] : tokens[tokens.count - 1]
    }

    func at(_ kind: TokenKind) -> Bool { tokens[pos].kind == kind }

    func atIdentifier(_ text: String) -> Bool {
        tokens[pos].kind == .identifier && tokens[pos].text == text
    }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[pos]
        if pos < tokens.count - 1 { pos += 1 }
        return token
    }

    /// Where the last consumed real token ends (layout tokens do not count, so a
    /// compound statement ends with its last nested line, not at the next line).
    var previousEnd: SourceLocation {
        var i = pos - 1
        while i > 0 {
            switch tokens[i].kind {
            case .newline, .indent, .dedent: i -= 1
            default: return tokens[i].range.end
            }
        }
        return i == 0 ? tokens[0].range.end : tokens[0].range.start
    }

    func range(from start: SourceLocation) -> SourceRange {
        SourceRange(start: start, end: max(start, previousEnd))
    }

    mutating func report(_ message: String, at range: SourceRange, _ severity: Diagnostic.Severity = .error) {
        guard diagnostics.count < Parser.maxDiagnostics else { return }
        diagnostics.append(Diagnostic(severity, message, at: range))
    }

    mutating func fail(_ message: String, at range: SourceRange? = nil) -> ParseFailure {
        report(message, at: range ?? tokens[pos].range)
        return ParseFailure()
    }

    static func describe(_ token: Token) -> String {
        switch token.kind {
        case .newline: return "end of line"
        case .endOfFile: return "end of file"
        case .indent: return "indentation"
        case .dedent: return "end of block"
        case .stringLiteral: return "string \"\(token.text)\""
        case .colorLiteral: return "color #\(token.text)"
        case .invalid: return "'\(token.text)'"
        default:
            if !token.text.isEmpty { return "'\(token.text)'" }
            return "'\(Parser.spelling(token.kind))'"
        }
    }

    static func spelling(_ kind: TokenKind) -> String {
        switch kind {
        case .leftParen: return "("
        case .rightParen: return ")"
        case .leftBracket: return "["
        case .rightBracket: return "]"
        case .comma: return ","
        case .dot: return "."
        case .question: return "?"
        case .colon: return ":"
        case .plus: return "+"
        case .minus: return "-"
        case .star: return "*"
        case .slash: return "/"
        case .percent: return "%"
        case .equal: return "="
        case .colonEqual: return ":="
        case .plusEqual: return "+="
        case .minusEqual: return "-="
        case .starEqual: return "*="
        case .slashEqual: return "/="
        case .percentEqual: return "%="
        case .equalEqual: return "=="
        case .bangEqual: return "!="
        case .less: return "<"
        case .lessEqual: return "<="
        case .greater: return ">"
        case .greaterEqual: return ">="
        case .arrow: return "=>"
        case .newline: return "end of line"
        case .identifier: return "a name"
        case .kwAnd: return "and"
        case .kwOr: return "or"
        case .kwNot: return "not"
        case .kwIf: return "if"
        case .kwElse: return "else"
        case .kwFor: return "for"
        case .kwWhile: return "while"
        case .kwSwitch: return "switch"
        case .kwVar: return "var"
        case .kwVarip: return "varip"
        case .kwTrue: return "true"
        case .kwFalse: return "false"
        case .kwBreak: return "break"
        case .kwContinue: return "continue"
        default: return "\(kind)"
        }
    }

    @discardableResult
    mutating func expect(_ kind: TokenKind, _ context: String) throws -> Token {
        guard at(kind) else {
            throw fail("expected '\(Parser.spelling(kind))' \(context), found \(Parser.describe(current))")
        }
        return advance()
    }

    mutating func expectName(_ context: String) throws -> Name {
        guard at(.identifier) else {
            throw fail("expected a name \(context), found \(Parser.describe(current))")
        }
        let token = advance()
        return Name(token.text, range: token.range)
    }

    mutating func enter() throws {
        nesting += 1
        if nesting > ScriptLimits.maxNesting {
            nesting -= 1
            throw fail(
                "the script is nested more than \(ScriptLimits.maxNesting) levels deep, pfopt's limit (each block, bracket, "
                    + "call and operator of a chain is a level): give parts of the expression names, or move inner blocks into functions")
        }
    }

    mutating func leave() { nesting -= 1 }

    // MARK: - Script

    /// Parses the whole token stream.
    mutating func parseScript(version: Int?) -> Script {
        self.version = version
        let start = tokens[0].range.start
        var statements: Block = []
        while !at(.endOfFile) {
            if at(.newline) || at(.dedent) {
                advance()
                continue
            }
            if at(.indent) {
                report("unexpected indentation; a top-level line must start in the first column", at: tokens[pos].range)
                skipIndentedBlock()
                continue
            }
            if let statement = parseStatementRecovering() { statements.append(statement) }
        }
        var declaration: ScriptDeclaration?
        var body: Block = []
        body.reserveCapacity(statements.count)
        for statement in statements {
            if case .expression(let expr) = statement.kind, case .call(let call) = expr.kind,
                case .identifier(let name) = call.callee.kind, let kind = ScriptDeclaration.Kind(rawValue: name)
            {
                if declaration == nil {
                    declaration = ScriptDeclaration(kind: kind, arguments: call.arguments, range: expr.range)
                } else {
                    report("a script can have only one declaration statement; '\(name)(...)' repeats it", at: expr.range)
                }
                continue
            }
            body.append(statement)
        }
        let end = tokens[tokens.count - 1].range.end
        return Script(version: version, declaration: declaration, statements: body, range: SourceRange(start: start, end: end))
    }

    /// Skips an INDENT ... matching DEDENT run.
    mutating func skipIndentedBlock() {
        guard at(.indent) else { return }
        var depth = 0
        repeat {
            if at(.indent) { depth += 1 } else if at(.dedent) { depth -= 1 }
            advance()
        } while depth > 0 && !at(.endOfFile)
    }

    /// Skips to the start of the next line at this block's level after an error.
    mutating func synchronize() {
        while !at(.newline) && !at(.dedent) && !at(.endOfFile) {
            if at(.indent) {
                skipIndentedBlock()
                continue
            }
            advance()
        }
        if at(.newline) {
            advance()
            if at(.indent) { skipIndentedBlock() }
        }
    }

    mutating func parseStatementRecovering() -> Statement? {
        let before = pos
        do {
            return try parseStatement()
        } catch {
            synchronize()
            if pos == before { advance() }
            return nil
        }
    }

    // MARK: - Blocks

    /// A header's body: end of line, then an indented run of statements.
    mutating func parseBlock(_ context: String) throws -> Block {
        if !at(.newline) && pos > 0 && tokens[pos].range.start.line > tokens[pos - 1].range.end.line {
            // The body's line was read as a continuation: its indentation is not a multiple of 4.
            throw fail("the block after \(context) must be indented by 4 spaces (or a tab)")
        }
        guard at(.newline) else {
            throw fail("expected end of line after \(context), found \(Parser.describe(current))")
        }
        advance()
        guard at(.indent) else {
            throw fail("expected an indented block after \(context)", at: tokens[pos].range)
        }
        advance()
        try enter()
        defer { leave() }
        var body: Block = []
        while !at(.dedent) && !at(.endOfFile) {
            if at(.newline) {
                advance()
                continue
            }
            if at(.indent) {
                report("unexpected indentation", at: tokens[pos].range)
                skipIndentedBlock()
                continue
            }
            if let statement = parseStatementRecovering() { body.append(statement) }
        }
        if at(.dedent) { advance() }
        return body
    }

    /// Ends a simple statement: a line break (or a block that just closed).
    mutating func endStatement(_ what: String) throws {
        if at(.newline) {
            advance()
            return
        }
        // Pine allows several statements on one line, separated by commas: `a := 1, b := 2`.
        if at(.comma) && !(peek(1).kind == .newline || peek(1).kind == .endOfFile || peek(1).kind == .dedent) {
            advance()
            return
        }
        // A comma may also end the line's last statement (`a = 1,` then a new line),
        // as in TradingView's built-in "Greedy Strategy".
        if at(.comma) {
            advance()
            if at(.newline) { advance() }
            return
        }
        if at(.dedent) || at(.endOfFile) { return }
        if pos > 0 && tokens[pos - 1].kind == .dedent { return }
        throw fail("expected end of line after \(what), found \(Parser.describe(current))")
    }
}
