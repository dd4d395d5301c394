/// Thrown inside the parser after a diagnostic was recorded, to unwind to the
/// enclosing statement, which then skips to the next line.
struct ParseFailure: Error {}

/// A recursive-descent parser over the laid-out token stream.
struct Parser {
    private var tokens: [Token]
    private var pos = 0
    private(set) var diagnostics: [Diagnostic] = []
    private var nesting = 0
    private static let maxNesting = 200
    private static let maxDiagnostics = 100

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    // MARK: - Token helpers

    private var current: Token { tokens[pos] }

    private func peek(_ ahead: Int) -> Token {
        let i = pos + ahead
        return i < tokens.count ? tokens[i] : tokens[tokens.count - 1]
    }

    private func at(_ kind: TokenKind) -> Bool { tokens[pos].kind == kind }

    private func atIdentifier(_ text: String) -> Bool {
        tokens[pos].kind == .identifier && tokens[pos].text == text
    }

    @discardableResult
    private mutating func advance() -> Token {
        let token = tokens[pos]
        if pos < tokens.count - 1 { pos += 1 }
        return token
    }

    /// Where the last consumed real token ends (layout tokens do not count, so a
    /// compound statement ends with its last nested line, not at the next line).
    private var previousEnd: SourceLocation {
        var i = pos - 1
        while i > 0 {
            switch tokens[i].kind {
            case .newline, .indent, .dedent: i -= 1
            default: return tokens[i].range.end
            }
        }
        return i == 0 ? tokens[0].range.end : tokens[0].range.start
    }

    private func range(from start: SourceLocation) -> SourceRange {
        SourceRange(start: start, end: max(start, previousEnd))
    }

    mutating func report(_ message: String, at range: SourceRange, _ severity: Diagnostic.Severity = .error) {
        guard diagnostics.count < Parser.maxDiagnostics else { return }
        diagnostics.append(Diagnostic(severity, message, at: range))
    }

    private mutating func fail(_ message: String, at range: SourceRange? = nil) -> ParseFailure {
        report(message, at: range ?? tokens[pos].range)
        return ParseFailure()
    }

    private static func describe(_ token: Token) -> String {
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
    private mutating func expect(_ kind: TokenKind, _ context: String) throws -> Token {
        guard at(kind) else {
            throw fail("expected '\(Parser.spelling(kind))' \(context), found \(Parser.describe(current))")
        }
        return advance()
    }

    private mutating func expectName(_ context: String) throws -> Name {
        guard at(.identifier) else {
            throw fail("expected a name \(context), found \(Parser.describe(current))")
        }
        let token = advance()
        return Name(token.text, range: token.range)
    }

    private mutating func enter() throws {
        nesting += 1
        if nesting > Parser.maxNesting {
            nesting -= 1
            throw fail("the script is nested too deeply (or an expression is too long)")
        }
    }

    private mutating func leave() { nesting -= 1 }

    // MARK: - Script

    /// Parses the whole token stream.
    mutating func parseScript(version: Int?) -> Script {
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
    private mutating func skipIndentedBlock() {
        guard at(.indent) else { return }
        var depth = 0
        repeat {
            if at(.indent) { depth += 1 } else if at(.dedent) { depth -= 1 }
            advance()
        } while depth > 0 && !at(.endOfFile)
    }

    /// Skips to the start of the next line at this block's level after an error.
    private mutating func synchronize() {
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

    private mutating func parseStatementRecovering() -> Statement? {
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
    private mutating func parseBlock(_ context: String) throws -> Block {
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
    private mutating func endStatement(_ what: String) throws {
        if at(.newline) {
            advance()
            return
        }
        // Pine allows several statements on one line, separated by commas: `a := 1, b := 2`.
        if at(.comma) && !(peek(1).kind == .newline || peek(1).kind == .endOfFile || peek(1).kind == .dedent) {
            advance()
            return
        }
        if at(.dedent) || at(.endOfFile) { return }
        if pos > 0 && tokens[pos - 1].kind == .dedent { return }
        throw fail("expected end of line after \(what), found \(Parser.describe(current))")
    }

    // MARK: - Statements

    private mutating func parseStatement() throws -> Statement {
        let start = tokens[pos].range.start
        switch tokens[pos].kind {
        case .kwVar, .kwVarip:
            let mode: DeclarationMode = advance().kind == .kwVar ? .var : .varip
            let declaration = try parseDeclarationAfterMode(mode)
            try endStatement("the declaration")
            return Statement(.variableDeclaration(declaration), range: range(from: start))
        case .kwIf:
            let conditional = try parseConditional()
            return Statement(.conditional(conditional), range: range(from: start))
        case .kwFor:
            let kind = try parseFor()
            let r = range(from: start)
            switch kind {
            case .forLoop(let loop): return Statement(.forLoop(loop), range: r)
            case .forInLoop(let loop): return Statement(.forInLoop(loop), range: r)
            default: return Statement(.expression(Expression(kind, range: r)), range: r)
            }
        case .kwWhile:
            let loop = try parseWhile()
            return Statement(.whileLoop(loop), range: range(from: start))
        case .kwSwitch:
            let s = try parseSwitch()
            return Statement(.switchStatement(s), range: range(from: start))
        case .kwBreak, .kwContinue:
            let kind: Statement.Kind = advance().kind == .kwBreak ? .breakStatement : .continueStatement
            let r = range(from: start)
            try endStatement("'\(kind == .breakStatement ? "break" : "continue")'")
            return Statement(kind, range: r)
        case .identifier:
            if let statement = try parseIdentifierLedStatement(start: start) { return statement }
        case .leftBracket:
            if let names = scanTupleNames() {
                pos = names.next
                advance()  // '='
                let value = try parseExpression()
                try endStatement("the tuple declaration")
                return Statement(
                    .tupleDeclaration(TupleDeclaration(names: names.names, initializer: value)), range: range(from: start))
            }
        default:
            break
        }
        let statement = try parseSimpleStatement()
        try endStatement("the statement")
        return statement
    }

    /// Statements that start with a name: declarations, functions, types, imports.
    private mutating func parseIdentifierLedStatement(start: SourceLocation) throws -> Statement? {
        let text = tokens[pos].text
        let next = peek(1)
        switch text {
        case "import" where next.kind == .identifier:
            return try parseImport(start: start)
        case "export" where next.kind == .identifier:
            advance()
            return try parseExportable(start: start, exported: true)
        case "method", "type", "enum":
            if let statement = try parseExportable(start: start, exported: false, optional: true) { return statement }
        case "const", "simple", "series":
            if next.kind == .identifier, let qualifier = TypeQualifier(rawValue: text) {
                advance()
                let declaration = try parseTypedDeclaration(mode: .none, qualifier: qualifier)
                try endStatement("the declaration")
                return Statement(.variableDeclaration(declaration), range: range(from: start))
            }
        default:
            break
        }
        if isFunctionDeclarationAhead(at: pos) {
            return try parseFunction(start: start, isMethod: false, exported: false)
        }
        if next.kind == .equal {
            let declaration = try parseDeclarationAfterMode(.none)
            try endStatement("the declaration")
            return Statement(.variableDeclaration(declaration), range: range(from: start))
        }
        if let afterType = scanType(at: pos), peek(afterType - pos).kind == .identifier,
            peek(afterType - pos + 1).kind == .equal
        {
            let declaration = try parseDeclarationAfterMode(.none)
            try endStatement("the declaration")
            return Statement(.variableDeclaration(declaration), range: range(from: start))
        }
        return nil
    }

    private mutating func parseExportable(start: SourceLocation, exported: Bool, optional: Bool = false) throws -> Statement? {
        let text = tokens[pos].text
        let next = peek(1)
        if text == "method" && next.kind == .identifier && isFunctionDeclarationAhead(at: pos + 1) {
            advance()
            return try parseFunction(start: start, isMethod: true, exported: exported)
        }
        if text == "type" && next.kind == .identifier && peek(2).kind == .newline {
            return try parseTypeDeclaration(start: start, exported: exported)
        }
        if text == "enum" && next.kind == .identifier && peek(2).kind == .newline {
            return try parseEnumDeclaration(start: start, exported: exported)
        }
        if isFunctionDeclarationAhead(at: pos) {
            return try parseFunction(start: start, isMethod: false, exported: exported)
        }
        if optional { return nil }
        throw fail("expected a function, method, type or enum after 'export'")
    }

    /// `[qualifier] [type] name = value` after `var`/`varip` (or with no mode).
    private mutating func parseDeclarationAfterMode(_ mode: DeclarationMode) throws -> VariableDeclaration {
        var qualifier: TypeQualifier?
        if at(.identifier), let q = TypeQualifier(rawValue: tokens[pos].text), peek(1).kind == .identifier {
            qualifier = q
            advance()
        }
        return try parseTypedDeclaration(mode: mode, qualifier: qualifier)
    }

    private mutating func parseTypedDeclaration(mode: DeclarationMode, qualifier: TypeQualifier?) throws -> VariableDeclaration {
        var type: TypeReference?
        if !(at(.identifier) && peek(1).kind == .equal) {
            if let afterType = scanType(at: pos), peek(afterType - pos).kind == .identifier {
                type = try parseType()
            }
        }
        let name = try expectName("for the variable")
        if at(.colonEqual) {
            throw fail("'\(name.text)' is being declared: use '=' here (':=' reassigns an existing variable)")
        }
        try expect(.equal, "after the variable name '\(name.text)'")
        let value = try parseExpression()
        return VariableDeclaration(mode: mode, qualifier: qualifier, type: type, name: name, initializer: value)
    }

    /// An expression statement or an assignment.
    private mutating func parseSimpleStatement() throws -> Statement {
        let start = tokens[pos].range.start
        let target = try parseExpression()
        let op: AssignmentOperator?
        switch tokens[pos].kind {
        case .colonEqual: op = .reassign
        case .plusEqual: op = .add
        case .minusEqual: op = .subtract
        case .starEqual: op = .multiply
        case .slashEqual: op = .divide
        case .percentEqual: op = .modulo
        case .equal:
            throw fail("'=' declares a new variable; use ':=' to assign to an existing one")
        default: op = nil
        }
        guard let op else { return Statement(.expression(target), range: range(from: start)) }
        let opToken = advance()
        switch target.kind {
        case .identifier, .member: break
        default:
            throw fail("cannot assign to this expression; the left of '\(op.rawValue)' must be a variable", at: target.range)
        }
        _ = opToken
        let value = try parseExpression()
        return Statement(.assignment(Assignment(target: target, op: op, value: value)), range: range(from: start))
    }

    private mutating func parseImport(start: SourceLocation) throws -> Statement {
        advance()
        var path = ""
        while !at(.newline) && !at(.endOfFile) && !atIdentifier("as") {
            let token = advance()
            path += token.text.isEmpty ? Parser.spelling(token.kind) : token.text
        }
        var alias: Name?
        if atIdentifier("as") {
            advance()
            alias = try expectName("after 'as'")
        }
        if path.isEmpty { throw fail("expected a library path after 'import'") }
        try endStatement("the import")
        return Statement(.importStatement(Import(path: path, alias: alias)), range: range(from: start))
    }

    private mutating func parseTypeDeclaration(start: SourceLocation, exported: Bool) throws -> Statement {
        advance()  // type
        let name = try expectName("for the type")
        var fields: [FieldDeclaration] = []
        guard at(.newline), peek(1).kind == .indent else {
            throw fail("expected the fields of type '\(name.text)' on indented lines")
        }
        advance()
        advance()
        while !at(.dedent) && !at(.endOfFile) {
            if at(.newline) {
                advance()
                continue
            }
            let fieldStart = tokens[pos].range.start
            do {
                var isVarip = false
                if at(.kwVarip) {
                    advance()
                    isVarip = true
                }
                let type = try parseType()
                let fieldName = try expectName("for the field")
                var value: Expression?
                if at(.equal) {
                    advance()
                    value = try parseExpression()
                }
                fields.append(
                    FieldDeclaration(isVarip: isVarip, type: type, name: fieldName, defaultValue: value, range: range(from: fieldStart)))
                try endStatement("the field")
            } catch {
                synchronize()
            }
        }
        if at(.dedent) { advance() }
        return Statement(.typeDeclaration(TypeDeclaration(name: name, fields: fields, isExported: exported)), range: range(from: start))
    }

    private mutating func parseEnumDeclaration(start: SourceLocation, exported: Bool) throws -> Statement {
        advance()  // enum
        let name = try expectName("for the enum")
        var members: [EnumMember] = []
        guard at(.newline), peek(1).kind == .indent else {
            throw fail("expected the members of enum '\(name.text)' on indented lines")
        }
        advance()
        advance()
        while !at(.dedent) && !at(.endOfFile) {
            if at(.newline) {
                advance()
                continue
            }
            do {
                let member = try expectName("for the enum member")
                var title: Expression?
                if at(.equal) {
                    advance()
                    title = try parseExpression()
                }
                members.append(EnumMember(name: member, title: title))
                try endStatement("the enum member")
            } catch {
                synchronize()
            }
        }
        if at(.dedent) { advance() }
        return Statement(.enumDeclaration(EnumDeclaration(name: name, members: members, isExported: exported)), range: range(from: start))
    }

    // MARK: - Functions

    /// `name ( ... ) =>` ahead at token index `i`?
    private func isFunctionDeclarationAhead(at i: Int) -> Bool {
        guard i + 1 < tokens.count, tokens[i].kind == .identifier, tokens[i + 1].kind == .leftParen else { return false }
        var depth = 0
        var j = i + 1
        while j < tokens.count {
            switch tokens[j].kind {
            case .leftParen, .leftBracket: depth += 1
            case .rightParen, .rightBracket:
                depth -= 1
                if depth == 0 { return j + 1 < tokens.count && tokens[j + 1].kind == .arrow }
            case .newline, .endOfFile, .indent, .dedent: return false
            default: break
            }
            j += 1
        }
        return false
    }

    private mutating func parseFunction(start: SourceLocation, isMethod: Bool, exported: Bool) throws -> Statement {
        let name = try expectName("for the function")
        try expect(.leftParen, "after the function name")
        var parameters: [Parameter] = []
        while !at(.rightParen) {
            let paramStart = tokens[pos].range.start
            var qualifier: TypeQualifier?
            if at(.identifier), let q = TypeQualifier(rawValue: tokens[pos].text), peek(1).kind == .identifier {
                qualifier = q
                advance()
            }
            var type: TypeReference?
            if let afterType = scanType(at: pos), peek(afterType - pos).kind == .identifier {
                type = try parseType()
            }
            let paramName = try expectName("for the parameter")
            var value: Expression?
            if at(.equal) {
                advance()
                value = try parseExpression()
            }
            parameters.append(
                Parameter(qualifier: qualifier, type: type, name: paramName, defaultValue: value, range: range(from: paramStart)))
            if at(.comma) {
                advance()
            } else if !at(.rightParen) {
                throw fail("expected ',' or ')' in the parameters of '\(name.text)', found \(Parser.describe(current))")
            }
        }
        advance()  // )
        try expect(.arrow, "after the parameters of '\(name.text)'")
        let body: Block
        let singleLine = !at(.newline)
        if singleLine {
            try enter()
            defer { leave() }
            body = [try parseSimpleStatement()]
            try endStatement("the function body")
        } else {
            body = try parseBlock("'=>'")
        }
        let declaration = FunctionDeclaration(
            name: name, parameters: parameters, body: body, isSingleLine: singleLine, isMethod: isMethod, isExported: exported)
        return Statement(.functionDeclaration(declaration), range: range(from: start))
    }

    // MARK: - Types

    /// If a type starts at token `i`, the index just after it.
    private func scanType(at i: Int) -> Int? {
        var j = i
        guard j < tokens.count, tokens[j].kind == .identifier else { return nil }
        j += 1
        while j + 1 < tokens.count, tokens[j].kind == .dot, tokens[j + 1].kind == .identifier { j += 2 }
        if j < tokens.count, tokens[j].kind == .less {
            guard let after = scanTypeArguments(at: j) else { return nil }
            j = after
        }
        if j + 1 < tokens.count, tokens[j].kind == .leftBracket, tokens[j + 1].kind == .rightBracket { j += 2 }
        return j
    }

    /// If `<type, ...>` starts at token `i`, the index just after the `>`.
    private func scanTypeArguments(at i: Int) -> Int? {
        guard i < tokens.count, tokens[i].kind == .less else { return nil }
        var j = i + 1
        while true {
            guard let after = scanType(at: j) else { return nil }
            j = after
            guard j < tokens.count else { return nil }
            if tokens[j].kind == .comma {
                j += 1
                continue
            }
            if tokens[j].kind == .greater { return j + 1 }
            return nil
        }
    }

    private mutating func parseType() throws -> TypeReference {
        try enter()
        defer { leave() }
        let start = tokens[pos].range.start
        var name = try expectName("for the type").text
        while at(.dot) && peek(1).kind == .identifier {
            advance()
            name += "." + advance().text
        }
        var arguments: [TypeReference] = []
        if at(.less) {
            arguments = try parseTypeArguments()
        }
        if at(.leftBracket) && peek(1).kind == .rightBracket {
            advance()
            advance()
            let element = TypeReference(name: name, arguments: arguments, range: range(from: start))
            return TypeReference(name: "array", arguments: [element], isLegacyArray: true, range: range(from: start))
        }
        return TypeReference(name: name, arguments: arguments, range: range(from: start))
    }

    private mutating func parseTypeArguments() throws -> [TypeReference] {
        try expect(.less, "before the type arguments")
        var arguments: [TypeReference] = []
        repeat {
            if at(.comma) { advance() }
            arguments.append(try parseType())
        } while at(.comma)
        try expect(.greater, "after the type arguments")
        return arguments
    }

    /// `[a, b, c] =` ahead: the names and the index of the `=`.
    private mutating func scanTupleNames() -> (names: [Name], next: Int)? {
        var j = pos + 1
        var names: [Name] = []
        while j < tokens.count {
            guard tokens[j].kind == .identifier else { return nil }
            names.append(Name(tokens[j].text, range: tokens[j].range))
            j += 1
            if j < tokens.count && tokens[j].kind == .comma {
                j += 1
                continue
            }
            break
        }
        guard j + 1 < tokens.count, tokens[j].kind == .rightBracket, tokens[j + 1].kind == .equal else { return nil }
        return (names, j + 1)
    }

    // MARK: - Control flow

    private mutating func parseConditional() throws -> Conditional {
        var branches: [ConditionalBranch] = []
        var elseBody: Block?
        while true {
            let branchStart = tokens[pos].range.start
            try expect(.kwIf, "")
            let condition = try parseExpression()
            let body = try parseBlock("the 'if' condition")
            branches.append(ConditionalBranch(condition: condition, body: body, range: range(from: branchStart)))
            guard at(.kwElse) else { break }
            advance()
            if at(.kwIf) { continue }
            elseBody = try parseBlock("'else'")
            break
        }
        return Conditional(branches: branches, elseBody: elseBody)
    }

    private mutating func parseFor() throws -> Expression.Kind {
        try expect(.kwFor, "")
        if at(.leftBracket) {
            advance()
            let index = try expectName("for the loop index")
            try expect(.comma, "between the loop index and value")
            let value = try expectName("for the loop value")
            try expect(.rightBracket, "after the loop variables")
            return .forInLoop(try parseForInRest(index: index, value: value))
        }
        let variable = try expectName("for the loop variable")
        if atIdentifier("in") {
            return .forInLoop(try parseForInRest(index: nil, value: variable))
        }
        try expect(.equal, "after the loop variable '\(variable.text)' (write 'for i = 0 to 9')")
        let from = try parseExpression()
        guard atIdentifier("to") else {
            throw fail("expected 'to' in the 'for' loop, found \(Parser.describe(current))")
        }
        advance()
        let to = try parseExpression()
        var step: Expression?
        if atIdentifier("by") {
            advance()
            step = try parseExpression()
        }
        let body = try parseBlock("the 'for' header")
        return .forLoop(ForLoop(variable: variable, start: from, end: to, step: step, body: body))
    }

    private mutating func parseForInRest(index: Name?, value: Name) throws -> ForInLoop {
        guard atIdentifier("in") else {
            throw fail("expected 'in' in the 'for' loop, found \(Parser.describe(current))")
        }
        advance()
        let collection = try parseExpression()
        let body = try parseBlock("the 'for' header")
        return ForInLoop(index: index, value: value, collection: collection, body: body)
    }

    private mutating func parseWhile() throws -> WhileLoop {
        try expect(.kwWhile, "")
        let condition = try parseExpression()
        let body = try parseBlock("the 'while' condition")
        return WhileLoop(condition: condition, body: body)
    }

    private mutating func parseSwitch() throws -> Switch {
        try expect(.kwSwitch, "")
        var subject: Expression?
        if !at(.newline) { subject = try parseExpression() }
        guard at(.newline), peek(1).kind == .indent else {
            throw fail("expected the cases of 'switch' on indented lines")
        }
        advance()
        advance()
        try enter()
        defer { leave() }
        var cases: [SwitchCase] = []
        while !at(.dedent) && !at(.endOfFile) {
            if at(.newline) {
                advance()
                continue
            }
            let caseStart = tokens[pos].range.start
            do {
                var pattern: Expression?
                if !at(.arrow) { pattern = try parseExpression() }
                try expect(.arrow, "after the switch case")
                let body: Block
                if at(.newline) {
                    body = try parseBlock("'=>'")
                } else {
                    body = [try parseSimpleStatement()]
                    try endStatement("the switch case")
                }
                cases.append(SwitchCase(pattern: pattern, body: body, range: range(from: caseStart)))
            } catch {
                synchronize()
            }
        }
        if at(.dedent) { advance() }
        return Switch(subject: subject, cases: cases)
    }

    // MARK: - Expressions

    mutating func parseExpression() throws -> Expression {
        try enter()
        defer { leave() }
        let start = tokens[pos].range.start
        let condition = try parseBinary(minPrecedence: 2)
        guard at(.question) else { return condition }
        advance()
        let then = try parseExpression()
        try expect(.colon, "in the '?:' expression")
        let otherwise = try parseExpression()
        return Expression(.ternary(condition: condition, then: then, otherwise: otherwise), range: range(from: start))
    }

    private func binaryOperator(_ kind: TokenKind) -> BinaryOperator? {
        switch kind {
        case .plus: return .add
        case .minus: return .subtract
        case .star: return .multiply
        case .slash: return .divide
        case .percent: return .modulo
        case .equalEqual: return .equal
        case .bangEqual: return .notEqual
        case .less: return .less
        case .lessEqual: return .lessEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterEqual
        case .kwAnd: return .and
        case .kwOr: return .or
        default: return nil
        }
    }

    private mutating func parseBinary(minPrecedence: Int) throws -> Expression {
        let start = tokens[pos].range.start
        var left = try parseUnary()
        // Each link of a chain `a + b + c` deepens the tree: it counts as nesting.
        var links = 0
        defer { nesting -= links }
        while let op = binaryOperator(tokens[pos].kind), op.precedence >= minPrecedence {
            advance()
            try enter()
            links += 1
            let right = try parseBinary(minPrecedence: op.precedence + 1)
            left = Expression(.binary(op, left, right), range: range(from: start))
        }
        return left
    }

    private mutating func parseUnary() throws -> Expression {
        let start = tokens[pos].range.start
        let op: UnaryOperator
        switch tokens[pos].kind {
        case .minus: op = .minus
        case .plus: op = .plus
        case .kwNot: op = .not
        default: return try parsePostfix()
        }
        advance()
        try enter()
        defer { leave() }
        let operand = try parseUnary()
        return Expression(.unary(op, operand), range: range(from: start))
    }

    private mutating func parsePostfix() throws -> Expression {
        let start = tokens[pos].range.start
        var expr = try parsePrimary()
        var links = 0
        defer { nesting -= links }
        while true {
            if tokens[pos].kind == .dot || tokens[pos].kind == .leftParen || tokens[pos].kind == .leftBracket
                || tokens[pos].kind == .less
            {
                try enter()
                links += 1
            }
            switch tokens[pos].kind {
            case .dot:
                advance()
                let name = try expectName("after '.'")
                expr = Expression(.member(base: expr, name: name.text, nameRange: name.range), range: range(from: start))
            case .leftParen:
                let arguments = try parseArguments()
                expr = Expression(.call(Call(callee: expr, arguments: arguments)), range: range(from: start))
            case .less:
                guard let after = scanTypeArguments(at: pos), after < tokens.count, tokens[after].kind == .leftParen,
                    expr.dottedName != nil
                else { return expr }
                let typeArguments = try parseTypeArguments()
                let arguments = try parseArguments()
                expr = Expression(
                    .call(Call(callee: expr, typeArguments: typeArguments, arguments: arguments)), range: range(from: start))
            case .leftBracket:
                advance()
                let offset = try parseExpression()
                try expect(.rightBracket, "after the history offset")
                expr = Expression(.index(base: expr, offset: offset), range: range(from: start))
            default:
                return expr
            }
        }
    }

    private mutating func parseArguments() throws -> [CallArgument] {
        try expect(.leftParen, "")
        var arguments: [CallArgument] = []
        while !at(.rightParen) {
            let argStart = tokens[pos].range.start
            var label: String?
            var labelRange: SourceRange?
            if at(.identifier) && peek(1).kind == .equal {
                let token = advance()
                label = token.text
                labelRange = token.range
                advance()
            }
            let value = try parseExpression()
            arguments.append(CallArgument(label: label, labelRange: labelRange, value: value, range: range(from: argStart)))
            if at(.comma) {
                advance()
            } else if !at(.rightParen) {
                throw fail("expected ',' or ')' in the argument list, found \(Parser.describe(current))")
            }
        }
        advance()
        return arguments
    }

    private mutating func parsePrimary() throws -> Expression {
        let token = current
        let start = token.range.start
        switch token.kind {
        case .intLiteral:
            advance()
            guard let value = Int(token.text) else {
                throw fail("integer literal \(token.text) is too large", at: token.range)
            }
            return Expression(.intLiteral(value), range: token.range)
        case .floatLiteral:
            advance()
            let text = token.text.hasPrefix(".") ? "0" + token.text : token.text
            guard let value = Double(text.hasSuffix(".") ? text + "0" : text), value.isFinite else {
                throw fail("float literal \(token.text) is out of range", at: token.range)
            }
            return Expression(.floatLiteral(value), range: token.range)
        case .stringLiteral:
            advance()
            return Expression(.stringLiteral(token.text), range: token.range)
        case .colorLiteral:
            advance()
            return Expression(.colorLiteral(Parser.color(token.text)), range: token.range)
        case .kwTrue, .kwFalse:
            advance()
            return Expression(.boolLiteral(token.kind == .kwTrue), range: token.range)
        case .identifier:
            advance()
            if token.text == "na" && !at(.leftParen) { return Expression(.na, range: token.range) }
            return Expression(.identifier(token.text), range: token.range)
        case .leftParen:
            advance()
            var inner = try parseExpression()
            try expect(.rightParen, "to close '('")
            inner.range = range(from: start)
            return inner
        case .leftBracket:
            advance()
            var elements: [Expression] = []
            while !at(.rightBracket) {
                elements.append(try parseExpression())
                if at(.comma) {
                    advance()
                } else if !at(.rightBracket) {
                    throw fail("expected ',' or ']' in the list, found \(Parser.describe(current))")
                }
            }
            advance()
            return Expression(.tuple(elements), range: range(from: start))
        case .kwIf:
            let conditional = try parseConditional()
            return Expression(.conditional(conditional), range: range(from: start))
        case .kwSwitch:
            let s = try parseSwitch()
            return Expression(.switchExpression(s), range: range(from: start))
        case .kwFor:
            let kind = try parseFor()
            return Expression(kind, range: range(from: start))
        case .kwWhile:
            let loop = try parseWhile()
            return Expression(.whileLoop(loop), range: range(from: start))
        case .invalid:
            // Already reported by the lexer.
            throw ParseFailure()
        default:
            throw fail("expected an expression, found \(Parser.describe(token))")
        }
    }

    static func color(_ hex: String) -> ColorLiteral {
        var value: UInt64 = 0
        for ch in hex.utf8 {
            let digit: UInt64
            switch ch {
            case 0x30...0x39: digit = UInt64(ch - 0x30)
            case 0x61...0x66: digit = UInt64(ch - 0x61 + 10)
            case 0x41...0x46: digit = UInt64(ch - 0x41 + 10)
            default: digit = 0
            }
            value = value << 4 | digit
        }
        if hex.utf8.count == 6 { value = value << 8 | 0xFF }
        return ColorLiteral(
            red: UInt8(truncatingIfNeeded: value >> 24), green: UInt8(truncatingIfNeeded: value >> 16),
            blue: UInt8(truncatingIfNeeded: value >> 8), alpha: UInt8(truncatingIfNeeded: value))
    }
}
