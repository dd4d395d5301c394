/// Declarations: variables, user-defined types, enums, functions and methods.
extension Parser {
    /// `[qualifier] [type] name = value` after `var`/`varip` (or with no mode).
    mutating func parseDeclarationAfterMode(_ mode: DeclarationMode) throws -> VariableDeclaration {
        var qualifier: TypeQualifier?
        if at(.identifier), let q = TypeQualifier(rawValue: tokens[pos].text), peek(1).kind == .identifier {
            qualifier = q
            advance()
        }
        return try parseTypedDeclaration(mode: mode, qualifier: qualifier)
    }

    mutating func parseTypedDeclaration(mode: DeclarationMode, qualifier: TypeQualifier?) throws -> VariableDeclaration {
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

    mutating func parseTypeDeclaration(start: SourceLocation, exported: Bool) throws -> Statement {
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

    mutating func parseEnumDeclaration(start: SourceLocation, exported: Bool) throws -> Statement {
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
    func isFunctionDeclarationAhead(at i: Int) -> Bool {
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

    mutating func parseFunction(start: SourceLocation, isMethod: Bool, exported: Bool) throws -> Statement {
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
}
