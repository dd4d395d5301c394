/// Finds calls of functions that keep a history (`ta.*`, and user functions
/// that call them) in code that does not run on every bar: an `if`, `switch`
/// or loop body, a ternary's arms and, in version 6 where `and`/`or` stop
/// early, their right operand. Such a call sees only the bars on which it
/// runs, so its values differ from the same call made on every bar. The
/// script is valid and pfopt runs it as TradingView does; TradingView's
/// editor warns about it too.
public enum ConsistencyCheck {
    /// One warning per such call, at its name.
    public static func warnings(in script: Script) -> [Diagnostic] {
        var walker = Walker(
            lazyLogic: (script.version ?? 6) >= 6, stateful: statefulFunctions(in: script.statements),
            fixed: fixedNames(in: script.statements))
        walker.block(script.statements, conditional: false)
        return walker.found
    }

    /// True for `ta.*` functions whose value depends on the bars they ran on
    /// (`ta.tr(handle_na)` reads only the bar and the previous close), and for
    /// the user functions that call them.
    static func keepsHistory(_ name: String, _ stateful: Set<String>) -> Bool {
        (name.hasPrefix("ta.") && name != "ta.tr") || stateful.contains(name)
    }

    /// Top-level names that hold one value for the whole run: declared from
    /// an input or a literal and never assigned again. A branch chosen by
    /// them runs on every bar or on none.
    static func fixedNames(in block: Block) -> Set<String> {
        let assigned = SyntaxWalk.assignedNames(in: block)
        var names: Set<String> = []
        for s in block {
            guard case .variableDeclaration(let d) = s.kind, !assigned.contains(d.name.text) else { continue }
            if isFixed(d.initializer, names) { names.insert(d.name.text) }
        }
        return names
    }

    /// True for an expression of literals, inputs and `fixed` names.
    static func isFixed(_ e: Expression, _ fixed: Set<String>) -> Bool {
        switch e.kind {
        case .intLiteral, .floatLiteral, .boolLiteral, .stringLiteral, .colorLiteral, .na: return true
        case .identifier(let name): return fixed.contains(name)
        case .call(let call):
            guard let name = call.callee.dottedName, name == "input" || name.hasPrefix("input.") else { return false }
            return name != "input.source"
        case .unary(_, let x): return isFixed(x, fixed)
        case .binary(_, let a, let b): return isFixed(a, fixed) && isFixed(b, fixed)
        case .ternary(let c, let t, let o): return isFixed(c, fixed) && isFixed(t, fixed) && isFixed(o, fixed)
        default: return false
        }
    }

    /// User functions that call a `ta.*` function, directly or through
    /// another such function.
    static func statefulFunctions(in block: Block) -> Set<String> {
        var bodies: [String: Block] = [:]
        SyntaxWalk.walk(block, statement: { s in
            if case .functionDeclaration(let f) = s.kind, !f.isMethod { bodies[f.name.text] = f.body }
        }, expression: { _ in })
        var stateful: Set<String> = []
        var changed = true
        while changed {
            changed = false
            for (name, body) in bodies where !stateful.contains(name) {
                var calls = false
                SyntaxWalk.expressions(in: body) { e in
                    guard case .call(let c) = e.kind, let callee = c.callee.dottedName else { return }
                    if keepsHistory(callee, stateful) { calls = true }
                }
                if calls {
                    stateful.insert(name)
                    changed = true
                }
            }
        }
        return stateful
    }

    private struct Walker {
        let lazyLogic: Bool
        let stateful: Set<String>
        /// Names fixed for the run: a choice made by them is not a per-bar one.
        let fixed: Set<String>
        var found: [Diagnostic] = []

        func isFixed(_ e: Expression) -> Bool { ConsistencyCheck.isFixed(e, fixed) }

        mutating func block(_ b: Block, conditional: Bool) {
            for s in b { statement(s, conditional: conditional) }
        }

        mutating func statement(_ s: Statement, conditional: Bool) {
            switch s.kind {
            case .variableDeclaration(let d): expression(d.initializer, conditional: conditional)
            case .tupleDeclaration(let d): expression(d.initializer, conditional: conditional)
            case .assignment(let a):
                expression(a.target, conditional: conditional)
                expression(a.value, conditional: conditional)
            case .conditional(let c): self.conditional(c, conditional: conditional)
            case .forLoop(let f): forLoop(f, conditional: conditional)
            case .forInLoop(let f): forInLoop(f, conditional: conditional)
            case .whileLoop(let w): whileLoop(w)
            case .switchStatement(let sw): switchBlock(sw, conditional: conditional)
            case .expression(let e): expression(e, conditional: conditional)
            // A function's body runs whenever it is called: its own branches count.
            case .functionDeclaration(let f): block(f.body, conditional: false)
            case .breakStatement, .continueStatement, .typeDeclaration, .enumDeclaration, .importStatement: break
            }
        }

        mutating func conditional(_ c: Conditional, conditional: Bool) {
            // Branches chosen only by values fixed for the run run on every bar or never.
            var chosenPerBar = false
            for b in c.branches {
                expression(b.condition, conditional: conditional || chosenPerBar)
                chosenPerBar = chosenPerBar || !isFixed(b.condition)
                block(b.body, conditional: conditional || chosenPerBar)
            }
            if let e = c.elseBody { block(e, conditional: conditional || chosenPerBar) }
        }

        mutating func forLoop(_ f: ForLoop, conditional: Bool) {
            expression(f.start, conditional: conditional)
            expression(f.end, conditional: conditional)
            if let s = f.step { expression(s, conditional: conditional) }
            block(f.body, conditional: true)
        }

        mutating func forInLoop(_ f: ForInLoop, conditional: Bool) {
            expression(f.collection, conditional: conditional)
            block(f.body, conditional: true)
        }

        /// A `while` condition runs once more than the body, and neither runs on every bar.
        mutating func whileLoop(_ w: WhileLoop) {
            expression(w.condition, conditional: true)
            block(w.body, conditional: true)
        }

        mutating func switchBlock(_ sw: Switch, conditional: Bool) {
            if let s = sw.subject { expression(s, conditional: conditional) }
            var chosenPerBar = sw.subject.map { !isFixed($0) } ?? false
            for c in sw.cases {
                if let p = c.pattern {
                    expression(p, conditional: conditional || (sw.subject == nil && chosenPerBar))
                    chosenPerBar = chosenPerBar || !isFixed(p)
                }
                block(c.body, conditional: conditional || chosenPerBar)
            }
        }

        mutating func expression(_ e: Expression, conditional: Bool) {
            switch e.kind {
            case .intLiteral, .floatLiteral, .boolLiteral, .stringLiteral, .colorLiteral, .na, .identifier: break
            case .member(let base, _, _): expression(base, conditional: conditional)
            case .call(let call):
                if conditional, let name = call.callee.dottedName, ConsistencyCheck.keepsHistory(name, stateful) {
                    found.append(
                        Diagnostic(
                            .warning,
                            "\(name)() runs only on the bars where this code runs, so its history is of those bars, "
                                + "not of every bar (TradingView warns about it too): to compute it on every bar, "
                                + "assign it to a variable at the top level and use the variable here",
                            at: call.callee.range))
                }
                for a in call.arguments { expression(a.value, conditional: conditional) }
            case .index(let base, let offset):
                expression(base, conditional: conditional)
                expression(offset, conditional: conditional)
            case .unary(_, let x): expression(x, conditional: conditional)
            case .binary(let op, let a, let b):
                expression(a, conditional: conditional)
                let shortCircuits = lazyLogic && (op == .and || op == .or) && !isFixed(a)
                expression(b, conditional: conditional || shortCircuits)
            case .ternary(let c, let t, let o):
                expression(c, conditional: conditional)
                let perBar = conditional || !isFixed(c)
                expression(t, conditional: perBar)
                expression(o, conditional: perBar)
            case .conditional(let c): self.conditional(c, conditional: conditional)
            case .switchExpression(let sw): switchBlock(sw, conditional: conditional)
            case .forLoop(let f): forLoop(f, conditional: conditional)
            case .forInLoop(let f): forInLoop(f, conditional: conditional)
            case .whileLoop(let w): whileLoop(w)
            case .tuple(let items): for i in items { expression(i, conditional: conditional) }
            }
        }
    }
}
