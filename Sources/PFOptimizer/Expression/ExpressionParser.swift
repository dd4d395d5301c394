import PineEngine

/// A recursive-descent parser for `Expression`.
struct ExpressionParser {
    private let chars: [Character]
    private var pos = 0
    private let variables: [String: Int]
    private(set) var used: Set<Int> = []
    private let names: [String]

    init(text: String, variables: [String]) {
        chars = Array(text)
        names = variables
        var map: [String: Int] = [:]
        for (i, name) in variables.enumerated() where map[name] == nil { map[name] = i }
        self.variables = map
    }

    mutating func parseAll() throws(ExpressionError) -> MetricExpression.Node {
        skipSpaces()
        guard pos < chars.count else { throw fail("the expression is empty") }
        let node = try parseOr()
        skipSpaces()
        if pos < chars.count { throw fail("unexpected \"\(chars[pos])\"") }
        return node
    }

    private func fail(_ message: String, at column: Int? = nil) -> ExpressionError {
        ExpressionError(column: (column ?? pos) + 1, message: message)
    }

    private mutating func skipSpaces() {
        while pos < chars.count, chars[pos] == " " || chars[pos] == "\t" { pos += 1 }
    }

    /// Consumes `token` (an operator or a keyword) when it comes next.
    private mutating func accept(_ token: String) -> Bool {
        skipSpaces()
        let t = Array(token)
        guard pos + t.count <= chars.count, Array(chars[pos..<(pos + t.count)]) == t else { return false }
        if let first = t.first, first.isLetter {
            let next = pos + t.count
            if next < chars.count, chars[next].isLetter || chars[next].isNumber || chars[next] == "_" { return false }
        }
        // Do not read "<" out of "<=", "=" out of "==", "!" out of "!=".
        if token == "<" || token == ">" || token == "!" {
            if pos + 1 < chars.count, chars[pos + 1] == "=" { return false }
        }
        pos += t.count
        return true
    }

    private mutating func parseOr() throws(ExpressionError) -> MetricExpression.Node {
        var node = try parseAnd()
        while accept("or") || accept("||") { node = .binary(.or, node, try parseAnd()) }
        return node
    }

    private mutating func parseAnd() throws(ExpressionError) -> MetricExpression.Node {
        var node = try parseNot()
        while accept("and") || accept("&&") { node = .binary(.and, node, try parseNot()) }
        return node
    }

    private mutating func parseNot() throws(ExpressionError) -> MetricExpression.Node {
        if accept("not") || accept("!") { return .not(try parseNot()) }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ExpressionError) -> MetricExpression.Node {
        let node = try parseAdditive()
        let ops: [(String, MetricExpression.BinaryOp)] = [
            ("<=", .le), (">=", .ge), ("==", .eq), ("!=", .ne), ("<", .lt), (">", .gt),
        ]
        for (token, op) in ops where accept(token) {
            return .binary(op, node, try parseAdditive())
        }
        skipSpaces()
        if pos < chars.count, chars[pos] == "=" { throw fail("use == to compare") }
        return node
    }

    private mutating func parseAdditive() throws(ExpressionError) -> MetricExpression.Node {
        var node = try parseMultiplicative()
        while true {
            if accept("+") {
                node = .binary(.add, node, try parseMultiplicative())
            } else if accept("-") {
                node = .binary(.sub, node, try parseMultiplicative())
            } else {
                return node
            }
        }
    }

    private mutating func parseMultiplicative() throws(ExpressionError) -> MetricExpression.Node {
        var node = try parseUnary()
        while true {
            if accept("*") {
                node = .binary(.mul, node, try parseUnary())
            } else if accept("/") {
                node = .binary(.div, node, try parseUnary())
            } else if accept("%") {
                node = .binary(.mod, node, try parseUnary())
            } else {
                return node
            }
        }
    }

    private mutating func parseUnary() throws(ExpressionError) -> MetricExpression.Node {
        if accept("-") { return .negate(try parseUnary()) }
        if accept("+") { return try parseUnary() }
        let base = try parsePrimary()
        if accept("^") { return .binary(.pow, base, try parseUnary()) }
        return base
    }

    private mutating func parsePrimary() throws(ExpressionError) -> MetricExpression.Node {
        skipSpaces()
        guard pos < chars.count else { throw fail("the expression ends too early") }
        let c = chars[pos]
        if accept("(") {
            let node = try parseOr()
            guard accept(")") else { throw fail("expected )") }
            return node
        }
        if c == "\"" || c == "'" {
            let start = pos
            pos += 1
            var text = ""
            while pos < chars.count, chars[pos] != c {
                text.append(chars[pos])
                pos += 1
            }
            guard pos < chars.count else { throw fail("the string is not closed", at: start) }
            pos += 1
            return .text(text)
        }
        if c.isNumber || c == "." {
            let start = pos
            while pos < chars.count, chars[pos].isNumber || chars[pos] == "." || chars[pos] == "_" { pos += 1 }
            if pos < chars.count, chars[pos] == "e" || chars[pos] == "E" {
                var p = pos + 1
                if p < chars.count, chars[p] == "+" || chars[p] == "-" { p += 1 }
                if p < chars.count, chars[p].isNumber {
                    pos = p
                    while pos < chars.count, chars[pos].isNumber { pos += 1 }
                }
            }
            let literal = String(chars[start..<pos]).replacingUnderscores()
            guard let d = Double(literal) else { throw fail("cannot read number \"\(literal)\"", at: start) }
            return .number(d)
        }
        if c.isLetter || c == "_" {
            let start = pos
            while pos < chars.count, chars[pos].isLetter || chars[pos].isNumber || chars[pos] == "_" { pos += 1 }
            let name = String(chars[start..<pos])
            switch name {
            case "true": return .number(1)
            case "false": return .number(0)
            case "na": if !peekIs("(") { return .number(.nan) }
            default: break
            }
            if peekIs("(") {
                guard let f = MetricExpression.Function(rawValue: name) else {
                    throw fail("unknown function \(name)(); known: "
                        + MetricExpression.Function.allCases.map(\.rawValue).joined(separator: ", "), at: start)
                }
                _ = accept("(")
                var args: [MetricExpression.Node] = []
                if !accept(")") {
                    repeat { args.append(try parseOr()) } while accept(",")
                    guard accept(")") else { throw fail("expected ) after the arguments of \(name)") }
                }
                guard f.arity.contains(args.count) else {
                    throw fail("\(name)() takes \(f.arity.lowerBound == f.arity.upperBound ? "\(f.arity.lowerBound)" : "\(f.arity.lowerBound) or more") argument(s)", at: start)
                }
                return .call(f, args)
            }
            guard let index = variables[name] else {
                if let note = MetricCatalog.renamedNote(name) { throw fail(note, at: start) }
                throw fail("unknown name \"\(name)\"\(suggestion(for: name))", at: start)
            }
            used.insert(index)
            return .variable(index)
        }
        throw fail("unexpected \"\(c)\"")
    }

    private mutating func peekIs(_ c: Character) -> Bool {
        skipSpaces()
        return pos < chars.count && chars[pos] == c
    }

    /// "; did you mean x?" for a close known name.
    private func suggestion(for name: String) -> String {
        var best: (String, Int)? = nil
        for candidate in names {
            let d = editDistance(name, candidate)
            let allowed = name.count <= 3 ? 0 : max(1, name.count / 4)
            if d > 0, d <= allowed, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best.map { "; did you mean \($0.0)?" } ?? ""
    }
}

/// The Levenshtein distance between two strings.
func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a)
    let y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        current[0] = i
        for j in 1...y.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[y.count]
}

extension String {
    fileprivate func replacingUnderscores() -> String { filter { $0 != "_" } }
}
