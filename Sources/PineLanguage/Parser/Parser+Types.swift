/// Written types (`float`, `array<float>`, `map<string, int>`, `float[]`) and the
/// look-ahead that tells a type from an expression.
extension Parser {
    // MARK: - Types

    /// If a type starts at token `i`, the index just after it.
    func scanType(at i: Int) -> Int? {
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
    func scanTypeArguments(at i: Int) -> Int? {
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

    mutating func parseType() throws -> TypeReference {
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

    mutating func parseTypeArguments() throws -> [TypeReference] {
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
    mutating func scanTupleNames() -> (names: [Name], next: Int)? {
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
}
