import PineLanguage

/// `for`, `for ... in` and `while`, as statements and as values.
extension InstanceBuilder {
    static func spend(_ rt: Runtime, _ range: SourceRange) throws {
        rt.loopBudget -= 1
        if rt.loopBudget < 0 {
            throw rt.error(
                "the loops ran more than \(ScriptLimits.maxLoopIterationsPerBar) iterations on one bar, pfopt's limit "
                    + "(all loops of a bar together): check the loop's end condition, or spread the work over several bars",
                line: range.start.line, column: range.start.column)
        }
    }

    func compileFor(_ f: ForLoop, _ range: SourceRange, result: UnsafeMutablePointer<Double>?) throws -> ExecFn {
        loopDepth += 1
        defer { loopDepth -= 1 }
        let start = try number(compile(f.start), f.start.range)
        let endValue = try compile(f.end)
        let end = try number(endValue, f.end.range)
        let step = try f.step.map { try number(compile($0), $0.range) }
        return try withScope {
            let counter = arena.cell()
            bind(f.variable.text, .value(.cell(counter), .int))
            let body = try bodyClosure(f.body, range, result: result)
            // Version 6 evaluates the end again before every iteration after
            // the first (the body may change it); version 5 once. The
            // direction is set by the first evaluation.
            let dynamicEnd = !isVersion5 && endValue.constNumber == nil
            return { rt in
                let a = try start(rt)
                var b = try end(rt)
                if a.isNaN || b.isNaN { return .normal }
                var s = try step?(rt) ?? 1
                s = abs(s)
                if s == 0 || s.isNaN { s = 1 }
                if a > b { s = -s }
                var i = a
                while s > 0 ? i <= b : i >= b {
                    try InstanceBuilder.spend(rt, range)
                    counter.pointee = i
                    let flow = try body(rt)
                    if flow == .breakLoop { break }
                    i += s
                    if dynamicEnd {
                        b = try end(rt)
                        if b.isNaN { break }
                    }
                }
                return .normal
            }
        }
    }

    func compileForIn(_ f: ForInLoop, _ range: SourceRange, result: UnsafeMutablePointer<Double>?) throws -> ExecFn {
        loopDepth += 1
        defer { loopDepth -= 1 }
        let collectionValue = try compile(f.collection)
        if let exec = try compileForInReferences(f, collectionValue, range, result: result) { return exec }
        if let exec = try compileForInCollection(f, collectionValue, range, result: result) { return exec }
        let (collection, element) = try array(collectionValue, f.collection.range)
        return try withScope {
            let indexCell = arena.cell()
            if let index = f.index { bind(index.text, .value(.cell(indexCell), .int)) }
            let valueCell = arena.cell()
            let text = arena.state { "" }
            if element == .string {
                bind(f.value.text, .string(text))
            } else {
                bind(f.value.text, .value(.cell(valueCell), element))
            }
            let body = try bodyClosure(f.body, range, result: result)
            return { rt in
                let a = try collection(rt)
                var i = 0
                while i < a.count {
                    try InstanceBuilder.spend(rt, range)
                    indexCell.pointee = Double(i)
                    if a.holdsStrings { text.pointee = a.strings[i] } else { valueCell.pointee = a.values[i] }
                    let flow = try body(rt)
                    if flow == .breakLoop { break }
                    i += 1
                }
                return .normal
            }
        }
    }

    func compileWhile(_ w: WhileLoop, _ range: SourceRange, result: UnsafeMutablePointer<Double>?) throws -> ExecFn {
        loopDepth += 1
        defer { loopDepth -= 1 }
        let condition = try self.condition(compile(w.condition), w.condition.range)
        let body = try withScope { try bodyClosure(w.body, range, result: result) }
        return { rt in
            while try condition(rt) {
                try InstanceBuilder.spend(rt, range)
                if try body(rt) == .breakLoop { break }
            }
            return .normal
        }
    }

    /// A loop body; when the loop is a value, its last statement's value is
    /// stored in `result` on every iteration that reaches it. A `break` or
    /// `continue` before it ends the iteration as in a plain loop (the loop's
    /// value is then the last one stored). A body ending in an assignment
    /// stores the value assigned; one whose last statement has no value (a
    /// void call) only runs: the loop's value is `na`.
    func bodyClosure(_ body: Block, _ range: SourceRange, result: UnsafeMutablePointer<Double>?) throws -> ExecFn {
        guard let result else { return orNothing(try compileStatements(body)) }
        guard let last = body.last else { return { _ in .normal } }
        let prelude = try compileStatements(body.dropLast())
        let tail: ExecFn
        if InstanceBuilder.containsLoopExit(last) {
            tail = orNothing(try compileStatements([last]))
        } else {
            switch try compileBlockValue([last], range) {
            case .void(let exec):
                tail = exec
            case let lastValue:
                let value = try number(lastValue, range)
                tail = { rt in
                    result.pointee = try value(rt)
                    return .normal
                }
            }
        }
        guard let prelude else { return tail }
        return { rt in
            let flow = try prelude(rt)
            if flow != .normal { return flow }
            return try tail(rt)
        }
    }

    /// True when `statement` holds a `break` or `continue` of the enclosing
    /// loop (not one of a loop nested in it).
    static func containsLoopExit(_ statement: Statement) -> Bool {
        switch statement.kind {
        case .breakStatement, .continueStatement: return true
        case .conditional(let c):
            return c.branches.contains { $0.body.contains(where: containsLoopExit) }
                || (c.elseBody?.contains(where: containsLoopExit) ?? false)
        case .switchStatement(let s):
            return s.cases.contains { $0.body.contains(where: containsLoopExit) }
        default: return false
        }
    }

    func compileForValue(_ f: ForLoop, _ range: SourceRange) throws -> CompiledValue {
        try loopValue { try compileFor(f, range, result: $0) }
    }

    func compileForInValue(_ f: ForInLoop, _ range: SourceRange) throws -> CompiledValue {
        try loopValue { try compileForIn(f, range, result: $0) }
    }

    func compileWhileValue(_ w: WhileLoop, _ range: SourceRange) throws -> CompiledValue {
        try loopValue { try compileWhile(w, range, result: $0) }
    }

    /// A loop used as a value: the last iteration's last statement, `na`
    /// when the body never runs.
    private func loopValue(_ make: (UnsafeMutablePointer<Double>) throws -> ExecFn) throws -> CompiledValue {
        let result = arena.cell()
        let loop = try make(result)
        return .num({ rt in
            result.pointee = .nan
            _ = try loop(rt)
            return result.pointee
        }, .float, nil)
    }
}
