/// Expressions and the names they read.
extension SupportChecker {
    // MARK: - Expressions

    mutating func checkExpression(_ expr: Expression) {
        switch expr.kind {
        case .intLiteral, .floatLiteral, .boolLiteral, .stringLiteral, .colorLiteral, .na:
            return
        case .identifier(let name):
            checkName(name, range: expr.range)
        case .member(let base, _, _):
            if let dotted = expr.dottedName, userTypes.isType(SupportChecker.root(of: dotted)) {
                if let problem = userTypes.enumMemberProblem(dotted) { report(problem, at: expr.range) }
            } else if let dotted = expr.dottedName, scopes.lookup(SupportChecker.root(of: dotted)) == nil {
                checkName(dotted, range: expr.range)
            } else {
                checkExpression(base)  // a field: checked with its type when the script is compiled
            }
        case .call(let call):
            checkCall(call, range: expr.range)
        case .index(let base, let offset):
            checkExpression(base)
            checkExpression(offset)
            if let value = ConstantValue.fold(offset), let n = value.number, n < 0 {
                report("a history offset cannot be negative", at: offset.range)
            }
        case .unary(_, let operand):
            checkExpression(operand)
        case .binary(_, let l, let r):
            checkExpression(l)
            checkExpression(r)
        case .ternary(let c, let t, let o):
            checkExpression(c)
            checkExpression(t)
            checkExpression(o)
        case .conditional(let c):
            checkConditional(c)
        case .switchExpression(let s):
            checkSwitch(s)
        case .forLoop(let l):
            checkFor(l)
        case .forInLoop(let l):
            checkForIn(l)
        case .whileLoop(let l):
            checkWhile(l)
        case .tuple(let elements):
            for element in elements { checkExpression(element) }
        }
    }

    func isImported(_ name: String) -> Bool {
        !importedAliases.isEmpty && importedAliases.contains(SupportChecker.root(of: name))
    }

    /// `ta` for `ta.sma`, the name itself when it has no dot.
    static func root(of name: String) -> String {
        guard let dot = name.firstIndex(of: ".") else { return name }
        return String(name[..<dot])
    }

    mutating func checkName(_ name: String, range: SourceRange) {
        if isImported(name) { return }
        if let symbol = scopes.lookup(name) {
            if case .function = symbol {
                report("'\(name)' is a function; call it with parentheses", at: range)
            }
            return
        }
        if Builtins.variable(named: name) != nil {
            checkStrategyOnly(name, range: range)
            return
        }
        if Builtins.isKnownUnsupported(name) {
            report("\(name) is not supported yet", at: range)
            return
        }
        if Builtins.function(named: name) != nil {
            report("'\(name)' is a function; call it with parentheses", at: range)
            return
        }
        if Builtins.isNamespace(name) {
            report("'\(name)' is a namespace, not a value", at: range)
            return
        }
        report(unknownMessage(name, what: "identifier"), at: range)
    }

    func unknownMessage(_ name: String, what: String) -> String {
        let hint = Builtins.suggestions(for: name).first.map { "; did you mean '\($0)'?" } ?? ""
        if name.contains(".") {
            return "'\(name)' is not a built-in pfopt knows\(hint)"
        }
        return "undeclared \(what) '\(name)'\(hint)"
    }

    mutating func checkStrategyOnly(_ name: String, range: SourceRange) {
        if kind == .indicator && name.hasPrefix("strategy.") {
            report("\(name) can only be used in a strategy() script", at: range)
        }
    }
}
