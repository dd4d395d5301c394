/// Expressions: operators by precedence, postfix chains (member, call, history),
/// arguments and primaries.
extension Parser {
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

    func binaryOperator(_ kind: TokenKind) -> BinaryOperator? {
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

    mutating func parseBinary(minPrecedence: Int) throws -> Expression {
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

    mutating func parseUnary() throws -> Expression {
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

    mutating func parsePostfix() throws -> Expression {
        let start = tokens[pos].range.start
        var expr = try parsePrimary()
        // An `if`/`switch`/loop used as a value ends with its block: what
        // follows starts the next statement (`[a, b] = ...` on the next line
        // is not a history offset of the block).
        switch expr.kind {
        case .conditional, .switchExpression, .forLoop, .forInLoop, .whileLoop: return expr
        default: break
        }
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

    mutating func parseArguments() throws -> [CallArgument] {
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
            if version == 5, let label, let labelRange, arguments.contains(where: { $0.label == label }) {
                // Version 5 compiles a repeated argument with a warning and uses the first.
                report(
                    "argument '\(label)' is given twice; version 5 uses the first and ignores this one "
                        + "(version 6 refuses it)", at: labelRange, .warning)
            } else {
                arguments.append(CallArgument(label: label, labelRange: labelRange, value: value, range: range(from: argStart)))
            }
            if at(.comma) {
                advance()
            } else if !at(.rightParen) {
                throw fail("expected ',' or ')' in the argument list, found \(Parser.describe(current))")
            }
        }
        advance()
        return arguments
    }

    mutating func parsePrimary() throws -> Expression {
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
