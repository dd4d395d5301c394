/// Reads the version 5 forms that version 6 removed into their version 6
/// equivalents, so one checker and one compiler serve both versions.
///
/// `strategy.entry(..., when = c)` (and the other order commands) places its
/// order only on bars where `c` is true: it becomes `if c` around the call
/// without `when`. The call's other arguments are then evaluated only on
/// those bars, which is the same result unless one of them keeps state
/// across bars (a `ta.*` call, a user function): such a call is refused
/// rather than run with a different result.
enum Version5Rewrite {
    /// The order commands that took `when` in version 5.
    static let whenCommands: Set<String> = [
        "strategy.entry", "strategy.order", "strategy.exit", "strategy.close", "strategy.close_all",
        "strategy.cancel", "strategy.cancel_all",
    ]

    /// The commands whose version 5 signature puts `when` among the first
    /// positional parameters, and its position: `strategy.cancel(id, when)`,
    /// `strategy.cancel_all(when)`, `strategy.close(id, when, ...)`,
    /// `strategy.close_all(when, ...)`.
    static let positionalWhen: [String: Int] = [
        "strategy.cancel": 1, "strategy.cancel_all": 0, "strategy.close": 1, "strategy.close_all": 0,
    ]

    /// True for an expression that is certainly a text: a string literal, a
    /// concatenation with one, or a `str.*` call.
    private static func isText(_ e: Expression) -> Bool {
        switch e.kind {
        case .stringLiteral: return true
        case .binary(.add, let l, let r): return isText(l) || isText(r)
        case .call(let c): return c.callee.dottedName?.hasPrefix("str.") ?? false
        default: return false
        }
    }

    /// Built-in namespaces and functions without state: an argument calling
    /// only these gives the same value whether or not it is evaluated every bar.
    private static let statelessNamespaces = ["math.", "str.", "color.", "array.", "map.", "matrix."]
    private static let statelessFunctions: Set<String> = ["nz", "na", "int", "float", "bool", "string", "color", "fixnan"]

    /// The rewritten statements, and an error for each `when` that cannot be rewritten.
    static func rewrite(_ block: Block) -> (Block, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let result = block.map { rewrite($0, &diagnostics) }
        return (result, diagnostics)
    }

    private static func rewrite(_ block: Block, _ diagnostics: inout [Diagnostic]) -> Block {
        block.map { rewrite($0, &diagnostics) }
    }

    private static func rewrite(_ statement: Statement, _ diagnostics: inout [Diagnostic]) -> Statement {
        var s = statement
        switch statement.kind {
        case .expression(let e):
            guard case .call(var call) = e.kind, let name = call.callee.dottedName, whenCommands.contains(name) else { break }
            if let at = positionalWhen[name] {
                let positional = call.arguments.indices.filter { call.arguments[$0].label == nil }
                if at < positional.count {
                    let argument = call.arguments[positional[at]]
                    if isText(argument.value) {
                        // Version 5's strategy.close(id, comment, ...) and
                        // strategy.close_all(comment, ...) take the comment
                        // there; a bool there is an older script's `when`.
                        if name != "strategy.close" && name != "strategy.close_all" {
                            diagnostics.append(
                                Diagnostic(
                                    .error,
                                    "\(name): in version 5 the positional argument #\(at + 1) is 'when' (a bool), not a text",
                                    at: argument.range))
                            break
                        }
                    } else {
                        call.arguments[positional[at]].label = "when"
                    }
                }
            }
            let whens = call.arguments.filter { $0.label == "when" }
            guard let when = whens.first else { break }
            if whens.count > 1 {
                diagnostics.append(Diagnostic(.error, "\(name) has more than one 'when' argument", at: whens[1].range))
                break
            }
            call.arguments.removeAll { $0.label == "when" }
            if let stateful = call.arguments.lazy.compactMap({ statefulCall(in: $0.value) }).first {
                diagnostics.append(
                    Diagnostic(
                        .error,
                        "\(name)(..., when=...) with an argument calling \(stateful.name) is not supported for //@version=5: "
                            + "version 5 evaluates that call on every bar; compute it in a variable before the call",
                        at: stateful.range))
                break
            }
            let inner = Statement(.expression(Expression(.call(call), range: e.range)), range: statement.range)
            s.kind = .conditional(
                Conditional(
                    branches: [ConditionalBranch(condition: when.value, body: [inner], range: statement.range)], elseBody: nil))
        case .conditional(var c):
            for i in c.branches.indices { c.branches[i].body = rewrite(c.branches[i].body, &diagnostics) }
            c.elseBody = c.elseBody.map { rewrite($0, &diagnostics) }
            s.kind = .conditional(c)
        case .forLoop(var l):
            l.body = rewrite(l.body, &diagnostics)
            s.kind = .forLoop(l)
        case .forInLoop(var l):
            l.body = rewrite(l.body, &diagnostics)
            s.kind = .forInLoop(l)
        case .whileLoop(var l):
            l.body = rewrite(l.body, &diagnostics)
            s.kind = .whileLoop(l)
        case .switchStatement(var sw):
            for i in sw.cases.indices { sw.cases[i].body = rewrite(sw.cases[i].body, &diagnostics) }
            s.kind = .switchStatement(sw)
        case .functionDeclaration(var f):
            f.body = rewrite(f.body, &diagnostics)
            s.kind = .functionDeclaration(f)
        default:
            break
        }
        return s
    }

    /// The first call in `expression` that may keep state across bars.
    private static func statefulCall(in expression: Expression) -> (name: String, range: SourceRange)? {
        var found: (name: String, range: SourceRange)?
        func visit(_ e: Expression) {
            guard found == nil else { return }
            switch e.kind {
            case .call(let c):
                let name = c.callee.dottedName ?? "a function"
                let stateless = statelessFunctions.contains(name) || statelessNamespaces.contains { name.hasPrefix($0) }
                if !stateless {
                    found = (name, e.range)
                    return
                }
                c.arguments.forEach { visit($0.value) }
            case .member(let base, _, _): visit(base)
            case .index(let base, let offset):
                visit(base)
                visit(offset)
            case .unary(_, let x): visit(x)
            case .binary(_, let a, let b):
                visit(a)
                visit(b)
            case .ternary(let c, let t, let o):
                visit(c)
                visit(t)
                visit(o)
            case .tuple(let xs): xs.forEach(visit)
            case .conditional, .switchExpression, .forLoop, .forInLoop, .whileLoop:
                found = ("a block expression", e.range)
            default: break
            }
        }
        visit(expression)
        return found
    }
}
