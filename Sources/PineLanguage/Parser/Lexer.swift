/// Turns Pine source into tokens, then applies Pine's layout rules: blocks by
/// indentation (multiples of 4 columns, a tab counts 4), a line indented by a
/// non-multiple of 4 continues the previous line, and lines inside open
/// parentheses or brackets continue the line that opened them.
struct Lexer {
    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var column = 1
    private(set) var diagnostics: [Diagnostic] = []
    /// The number in `//@version=N`, and where it stands.
    private(set) var version: Int?
    private(set) var versionRange: SourceRange?

    // Layout state.
    private var out: [Token] = []
    private var levels = [0]
    private var depth = 0
    private var openingIndentation = 0
    private var logicalLineIndentation = 0
    private var lastTokenLine = 0

    init(source: String) {
        self.bytes = Array(source.utf8)
    }

    var location: SourceLocation { SourceLocation(line: line, column: column, offset: offset) }

    /// Lexes the whole source and returns the token stream with layout tokens.
    mutating func tokenize() -> [Token] {
        out.reserveCapacity(bytes.count / 4 + 16)
        scanTokens()
        finishLayout()
        return out
    }

    // MARK: - Raw tokens

    private func peek(_ ahead: Int = 0) -> UInt8 {
        let i = offset + ahead
        return i < bytes.count ? bytes[i] : 0
    }

    private mutating func advance() {
        guard offset < bytes.count else { return }
        let b = bytes[offset]
        offset += 1
        if b == 0x0A {
            line += 1
            column = 1
        } else if b & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func error(_ message: String, from start: SourceLocation) {
        guard diagnostics.count < 100 else { return }
        var end = location
        if end.offset == start.offset { end.column += 1; end.offset += 1 }
        diagnostics.append(Diagnostic(.error, message, at: SourceRange(start: start, end: end)))
    }

    private static func isIdentStart(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F || b >= 0x80
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private static func isHex(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46)
    }

    private static let keywords: [String: TokenKind] = [
        "and": .kwAnd, "or": .kwOr, "not": .kwNot, "if": .kwIf, "else": .kwElse, "for": .kwFor,
        "while": .kwWhile, "switch": .kwSwitch, "var": .kwVar, "varip": .kwVarip, "true": .kwTrue,
        "false": .kwFalse, "break": .kwBreak, "continue": .kwContinue,
    ]

    /// The keyword spelled by `bytes[start..<end]`, or `.identifier`.
    private func keyword(_ start: Int, _ end: Int) -> TokenKind {
        let length = end - start
        guard length >= 2 && length <= 8 else { return .identifier }
        let first = bytes[start]
        // Only a few first letters start keywords: a b c e f i n o s t v w.
        switch first {
        case 0x61, 0x62, 0x63, 0x65, 0x66, 0x69, 0x6E, 0x6F, 0x73, 0x74, 0x76, 0x77: break
        default: return .identifier
        }
        return Lexer.keywords[text(start, end)] ?? .identifier
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private mutating func scanTokens() {
        var atLineStart = true
        var indentation = 0
        while offset < bytes.count {
            if atLineStart {
                indentation = 0
                while offset < bytes.count {
                    let b = peek()
                    if b == 0x20 { indentation += 1 } else if b == 0x09 { indentation += 4 } else { break }
                    advance()
                }
                atLineStart = false
            }
            let b = peek()
            if b == 0x0A {
                advance()
                atLineStart = true
                continue
            }
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B {
                advance()
                continue
            }
            let start = location
            let startsLine = out.isEmpty || lastTokenLine != start.line
            // Comments and the version annotation.
            if b == 0x2F && peek(1) == 0x2F {
                let commentStart = offset
                while offset < bytes.count && peek() != 0x0A { advance() }
                lexAnnotation(text(commentStart, offset), at: start)
                continue
            }
            var kind: TokenKind
            var tokenText = ""
            if Lexer.isIdentStart(b) {
                let s = offset
                while offset < bytes.count && (Lexer.isIdentStart(peek()) || Lexer.isDigit(peek())) { advance() }
                kind = keyword(s, offset)
                if kind == .identifier { tokenText = text(s, offset) }
            } else if Lexer.isDigit(b) || (b == 0x2E && Lexer.isDigit(peek(1)) && !Lexer.endsOperand(out.last)) {
                (kind, tokenText) = lexNumber(start: start)
            } else if b == 0x22 || b == 0x27 {
                (kind, tokenText) = lexString(quote: b, start: start)
            } else if b == 0x23 {
                (kind, tokenText) = lexColor(start: start)
            } else {
                kind = lexPunctuation(start: start)
            }
            let end = location
            lastTokenLine = end.line
            emit(Token(kind: kind, text: tokenText, range: SourceRange(start: start, end: end)),
                 startsLine: startsLine, indentation: indentation)
        }
    }

    private static func endsOperand(_ token: Token?) -> Bool {
        guard let token else { return false }
        switch token.kind {
        case .identifier, .rightParen, .rightBracket, .intLiteral, .floatLiteral, .stringLiteral: return true
        default: return false
        }
    }

    private mutating func lexAnnotation(_ comment: String, at start: SourceLocation) {
        let body = comment.dropFirst(2).drop(while: { $0 == " " })
        guard body.hasPrefix("@version") else { return }
        let rest = body.dropFirst("@version".count).drop(while: { $0 == " " })
        let range = SourceRange(start: start, end: location)
        guard rest.hasPrefix("="), let number = Int(rest.dropFirst().trimmingSpaces()) else {
            diagnostics.append(Diagnostic(.error, "malformed version annotation; write //@version=6", at: range))
            return
        }
        if version == nil {
            version = number
            versionRange = range
        }
    }

    private mutating func lexNumber(start: SourceLocation) -> (TokenKind, String) {
        let s = offset
        var isFloat = false
        while Lexer.isDigit(peek()) { advance() }
        if peek() == 0x2E && !Lexer.isIdentStart(peek(1)) {
            isFloat = true
            advance()
            while Lexer.isDigit(peek()) { advance() }
        }
        if peek() == 0x65 || peek() == 0x45 {
            let sign = peek(1) == 0x2B || peek(1) == 0x2D
            if Lexer.isDigit(peek(sign ? 2 : 1)) {
                isFloat = true
                advance()
                if sign { advance() }
                while Lexer.isDigit(peek()) { advance() }
            }
        }
        if Lexer.isIdentStart(peek()) {
            while Lexer.isIdentStart(peek()) || Lexer.isDigit(peek()) { advance() }
            error("malformed number '\(text(s, offset))'", from: start)
            return (.invalid, text(s, offset))
        }
        return (isFloat ? .floatLiteral : .intLiteral, text(s, offset))
    }

    private mutating func lexString(quote: UInt8, start: SourceLocation) -> (TokenKind, String) {
        advance()
        var value: [UInt8] = []
        while true {
            let b = peek()
            if offset >= bytes.count || b == 0x0A {
                error("unterminated string literal", from: start)
                return (.stringLiteral, String(decoding: value, as: UTF8.self))
            }
            advance()
            if b == quote { break }
            if b == 0x5C {
                let e = peek()
                if offset >= bytes.count || e == 0x0A { continue }
                advance()
                switch e {
                case 0x6E: value.append(0x0A)  // \n
                case 0x74: value.append(0x09)  // \t
                case 0x72: value.append(0x0D)  // \r
                case 0x30: value.append(0x00)
                default: value.append(e)  // \\ \" \' and anything else: the character itself
                }
            } else {
                value.append(b)
            }
        }
        return (.stringLiteral, String(decoding: value, as: UTF8.self))
    }

    private mutating func lexColor(start: SourceLocation) -> (TokenKind, String) {
        let s = offset
        advance()
        while Lexer.isHex(peek()) { advance() }
        let digits = offset - s - 1
        let trailing = Lexer.isIdentStart(peek()) || Lexer.isDigit(peek())
        if (digits != 6 && digits != 8) || trailing {
            while Lexer.isIdentStart(peek()) || Lexer.isDigit(peek()) { advance() }
            error("malformed color literal '\(text(s, offset))'; write #RRGGBB or #RRGGBBAA", from: start)
            return (.invalid, text(s, offset))
        }
        return (.colorLiteral, text(s + 1, offset))
    }

    private mutating func lexPunctuation(start: SourceLocation) -> TokenKind {
        let b = peek()
        let next = peek(1)
        func two(_ kind: TokenKind) -> TokenKind {
            advance()
            advance()
            return kind
        }
        func one(_ kind: TokenKind) -> TokenKind {
            advance()
            return kind
        }
        switch b {
        case 0x28: return one(.leftParen)
        case 0x29: return one(.rightParen)
        case 0x5B: return one(.leftBracket)
        case 0x5D: return one(.rightBracket)
        case 0x2C: return one(.comma)
        case 0x2E: return one(.dot)
        case 0x3F: return one(.question)
        case 0x3A: return next == 0x3D ? two(.colonEqual) : one(.colon)
        case 0x2B: return next == 0x3D ? two(.plusEqual) : one(.plus)
        case 0x2D: return next == 0x3D ? two(.minusEqual) : one(.minus)
        case 0x2A: return next == 0x3D ? two(.starEqual) : one(.star)
        case 0x2F: return next == 0x3D ? two(.slashEqual) : one(.slash)
        case 0x25: return next == 0x3D ? two(.percentEqual) : one(.percent)
        case 0x3D:
            if next == 0x3D { return two(.equalEqual) }
            if next == 0x3E { return two(.arrow) }
            return one(.equal)
        case 0x21:
            if next == 0x3D { return two(.bangEqual) }
            advance()
            error("unexpected character '!'; write 'not' for negation or '!=' for inequality", from: start)
            return .invalid
        case 0x3C: return next == 0x3D ? two(.lessEqual) : one(.less)
        case 0x3E: return next == 0x3D ? two(.greaterEqual) : one(.greater)
        default:
            let s = offset
            advance()
            while offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { advance() }
            error("unexpected character '\(text(s, offset))'", from: start)
            return .invalid
        }
    }

    // MARK: - Layout

    private static func continuesLine(_ kind: TokenKind) -> Bool {
        switch kind {
        case .comma, .leftParen, .leftBracket, .plus, .minus, .star, .slash, .percent, .equal, .colonEqual,
             .plusEqual, .minusEqual, .starEqual, .slashEqual, .percentEqual, .equalEqual, .bangEqual,
             .less, .lessEqual, .greater, .greaterEqual, .arrow, .question, .colon, .kwAnd, .kwOr, .kwNot, .dot:
            return true
        default: return false
        }
    }

    /// Tokens that cannot start a statement, so a line starting with one inside open
    /// brackets continues the bracketed expression.
    private static func opensContinuation(_ kind: TokenKind) -> Bool {
        switch kind {
        case .comma, .rightParen, .rightBracket, .star, .slash, .percent, .equalEqual, .bangEqual, .less, .lessEqual,
             .greater, .greaterEqual, .kwAnd, .kwOr, .question, .colon, .dot, .equal:
            return true
        default: return false
        }
    }

    private mutating func marker(_ kind: TokenKind, at loc: SourceLocation) {
        out.append(Token(kind: kind, text: "", range: SourceRange(start: loc, end: loc)))
    }

    /// Appends a token, with the NEWLINE/INDENT/DEDENT tokens its position implies.
    private mutating func emit(_ token: Token, startsLine: Bool, indentation: Int) {
        if startsLine, let last = out.last {
            var newLine = depth == 0 && indentation % 4 == 0
            if depth > 0 && indentation % 4 == 0 && indentation <= openingIndentation
                && !Lexer.opensContinuation(token.kind) && !Lexer.continuesLine(last.kind)
            {
                // An unclosed bracket: recover by starting a new line here.
                newLine = true
                depth = 0
            }
            if newLine {
                marker(.newline, at: last.range.end)
                logicalLineIndentation = indentation
                if indentation > levels[levels.count - 1] {
                    levels.append(indentation)
                    marker(.indent, at: token.range.start)
                } else {
                    while indentation < levels[levels.count - 1] {
                        levels.removeLast()
                        marker(.dedent, at: token.range.start)
                    }
                    if indentation > levels[levels.count - 1] {
                        levels.append(indentation)
                        marker(.indent, at: token.range.start)
                    }
                }
            }
        } else if out.isEmpty {
            logicalLineIndentation = indentation
        }
        switch token.kind {
        case .leftParen, .leftBracket:
            if depth == 0 { openingIndentation = logicalLineIndentation }
            depth += 1
        case .rightParen, .rightBracket:
            depth = max(0, depth - 1)
        default: break
        }
        out.append(token)
    }

    private mutating func finishLayout() {
        let end = location
        if let last = out.last { marker(.newline, at: last.range.end) }
        for _ in 1..<levels.count { marker(.dedent, at: end) }
        marker(.endOfFile, at: end)
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return s
    }
}
