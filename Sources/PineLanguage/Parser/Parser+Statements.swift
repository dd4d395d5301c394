/// Statements: the dispatch on a line's first token, simple statements and
/// assignments, imports and the control-flow forms (`if`, `for`, `while`, `switch`).
extension Parser {
    // MARK: - Statements

    mutating func parseStatement() throws -> Statement {
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
    mutating func parseIdentifierLedStatement(start: SourceLocation) throws -> Statement? {
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

    mutating func parseExportable(start: SourceLocation, exported: Bool, optional: Bool = false) throws -> Statement? {
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

    /// An expression statement or an assignment.
    mutating func parseSimpleStatement() throws -> Statement {
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

    mutating func parseImport(start: SourceLocation) throws -> Statement {
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

    // MARK: - Control flow

    mutating func parseConditional() throws -> Conditional {
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

    mutating func parseFor() throws -> Expression.Kind {
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

    mutating func parseForInRest(index: Name?, value: Name) throws -> ForInLoop {
        guard atIdentifier("in") else {
            throw fail("expected 'in' in the 'for' loop, found \(Parser.describe(current))")
        }
        advance()
        let collection = try parseExpression()
        let body = try parseBlock("the 'for' header")
        return ForInLoop(index: index, value: value, collection: collection, body: body)
    }

    mutating func parseWhile() throws -> WhileLoop {
        try expect(.kwWhile, "")
        let condition = try parseExpression()
        let body = try parseBlock("the 'while' condition")
        return WhileLoop(condition: condition, body: body)
    }

    mutating func parseSwitch() throws -> Switch {
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
}
