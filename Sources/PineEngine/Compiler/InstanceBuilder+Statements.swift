import PineLanguage

extension InstanceBuilder {
    /// Lowers the script's top-level statements into the per-bar root
    /// closure, noting in the plan which of them run per bar.
    func lowerScript(_ statements: [Statement]) throws -> ExecFn {
        var steps: [Step] = []
        for s in statements {
            let lowered = try lower(s, topLevel: true)
            guard let run = lowered.run else { continue }
            steps.append(Step(run))
            if !Self.isPlotOnly(s) { plan.notePerBarStatement(gate: lowered.gate) }
        }
        return orNothing(chain(barPrologue + steps))
    }

    /// Compiles statements of a block into one closure that runs them in order; nil for none.
    func compileStatements<S: Collection>(_ statements: S) throws -> ExecFn? where S.Element == Statement {
        var steps: [Step] = []
        for s in statements {
            if let run = try lower(s, topLevel: false).run { steps.append(Step(run)) }
        }
        return chain(steps)
    }

    /// Runs closures in order, stopping at `break`/`continue`. Built as a
    /// balanced tree of pairs: no array is walked per bar, and neither
    /// running nor releasing the tree recurses deeper than log2 of the
    /// statement count. The closures travel in `Step` values, not as bare
    /// array elements, so they keep their native calling convention (no
    /// reabstraction thunk per call).
    func chain(_ steps: [Step]) -> ExecFn? {
        guard !steps.isEmpty else { return nil }
        return chain(steps[...])
    }

    private func chain(_ steps: ArraySlice<Step>) -> ExecFn {
        if steps.count == 1, let only = steps.first { return only.run }
        let middle = steps.startIndex + steps.count / 2
        let first = chain(steps[..<middle])
        let second = chain(steps[middle...])
        return { rt in
            let flow = try first(rt)
            if flow != .normal { return flow }
            return try second(rt)
        }
    }

    /// A top-level `plot(...)` statement, or `p = plot(...)` keeping the
    /// plot's id for `fill()`: output only, no effect on the run.
    static func isPlotOnly(_ s: Statement) -> Bool {
        switch s.kind {
        case .expression(let e): return isDisplayCall(e)
        case .variableDeclaration(let d): return d.mode == .none && isDisplayCall(d.initializer)
        default: return false
        }
    }

    /// A call of `plot()` or of a display-only function (`hline`, `fill`, ...).
    static func isDisplayCall(_ e: Expr) -> Bool {
        guard case .call(let call) = e.kind, let name = call.callee.dottedName else { return false }
        return name == "plot" || VisualFunctions.noOps.contains(name)
    }

    /// One statement as a closure (inside a block).
    func compileStatement(_ s: Statement) throws -> ExecFn {
        try lower(s, topLevel: false).exec
    }

    /// Lowers one statement. At the top level a pure declaration becomes a
    /// column (nothing left to run per bar) and an `if` may be gated.
    func lower(_ s: Statement, topLevel: Bool) throws -> LoweredStatement {
        switch s.kind {
        case .variableDeclaration(let d): return try compileDeclaration(d, s.range, topLevel: topLevel)
        case .tupleDeclaration(let d): return try compileTupleDeclaration(d, s.range, topLevel: topLevel)
        case .assignment(let a): return LoweredStatement(try compileAssignment(a, s.range))
        case .conditional(let c): return try compileIf(c, topLevel: topLevel)
        case .forLoop(let f): return LoweredStatement(try compileFor(f, s.range, result: nil))
        case .forInLoop(let f): return LoweredStatement(try compileForIn(f, s.range, result: nil))
        case .whileLoop(let w): return LoweredStatement(try compileWhile(w, s.range, result: nil))
        case .switchStatement(let sw): return LoweredStatement(effect(try compileSwitchValue(sw, s.range)))
        case .breakStatement: return LoweredStatement { _ in .breakLoop }
        case .continueStatement: return LoweredStatement { _ in .continueLoop }
        case .expression(let e): return LoweredStatement(effect(try compile(e)))
        case .functionDeclaration(let f):
            if f.isMethod { try declareMethod(f) } else { bind(f.name.text, .function(f)) }
            return .none
        case .typeDeclaration(let t):
            try declareType(t, s.range)
            return .none
        case .enumDeclaration(let e):
            try declareEnum(e)
            return .none
        case .importStatement: throw error(s.range, "libraries (import) are not supported yet")
        }
    }

    /// An `if` statement. At the top level its first condition may become a
    /// column; when it is the only branch (no `else`), that column gates it.
    private func compileIf(_ c: Conditional, topLevel: Bool) throws -> LoweredStatement {
        var conditions: [Condition] = []
        var bodies: [Step] = []
        var gate: Column?
        for (k, b) in c.branches.enumerated() {
            if k == 0, topLevel, let (hoisted, column) = try hoistedCondition(b.condition) {
                conditions.append(Condition(hoisted))
                gate = column
            } else {
                conditions.append(Condition(try condition(compile(b.condition), b.condition.range)))
            }
            bodies.append(Step(try compileBody(b.body)))
        }
        var other: ExecFn?
        if let elseBody = c.elseBody { other = try compileBody(elseBody) }
        let gated = c.branches.count == 1 && c.elseBody == nil ? gate : nil
        return LoweredStatement(Self.selectStatement(conditions, bodies, other), gate: gated)
    }

    // MARK: declarations

    /// The message refusing a form that the executions after order fills
    /// (calc_on_order_fills=true) cannot undo between two executions of a bar.
    static func fillsRefusal(_ what: String) -> String {
        "calc_on_order_fills=true: the script \(what); pfopt cannot undo its changes between the executions of one bar"
    }

    func compileDeclaration(_ d: VariableDeclaration, _ range: SourceRange, topLevel: Bool) throws -> LoweredStatement {
        let name = d.name.text
        if !topLevel { scope.note(name, .single(d)) }
        noteRunConstant(d, topLevel: topLevel)
        let pure = topLevel && d.mode == .none && !reassigned.contains(name) && plan.hasRoom() && purity.isPure(d.initializer)
        let inputMark = inputs.met.count
        let value = try compile(d.initializer)
        if case .void(let exec) = value, Self.isDisplayCall(d.initializer) {
            // `p = plot(...)` / `h = hline(...)`: the id only feeds `fill()`,
            // which draws nothing here; the plot itself still records.
            bind(name, .value(.cell(arena.cell(Double(plotTitles.count - 1))), .int))
            return LoweredStatement(exec)
        }
        // A version 5 bool that may be na keeps its na in a variable, not a column.
        let mayBeNa = isVersion5 && version5Bools.states[d.initializer.range] != nil
        if pure, !mayBeNa, value.type.isNumeric || value.type == .bool,
            d.type == nil || ["int", "float", "bool", "color"].contains(d.type?.name ?? "")
        {
            let column = try declarationColumn(d.initializer, value, inputMark: inputMark)
            if isVersion5, value.type == .bool {
                version5Bools.stores[Version5Bools.key(column), default: []].append(
                    .init(exact: isDefiniteVersion5Bool(d.initializer), mayBeNa: false, sources: [], range: d.initializer.range))
            }
            bind(name, .column(column, value.type))
            return .none
        }
        // A `varip` variable keeps its value across the executions of a bar.
        arena.exemptFromRollback = d.mode == .varip
        defer { arena.exemptFromRollback = false }
        return LoweredStatement(try declarationStore(d, value, range))
    }

    /// A declaration that runs per bar: computes its value and stores it in
    /// the variable's cell, ring or state (once, for `var`).
    private func declarationStore(_ d: VariableDeclaration, _ value: CompiledValue, _ range: SourceRange) throws -> ExecFn {
        if let exec = try compileReferenceDeclaration(d, value, range) { return exec }
        let name = d.name.text
        var type = value.type
        if let declared = d.type {
            switch declared.name {
            case "int": type = .int
            case "float": type = .float
            case "bool": type = .bool
            case "string": type = .string
            case "color": type = .color
            case "array":
                if case .array = type {} else { type = .array(.float) }
            case "table", "linefill", "polyline":
                // Display-only drawing ids: plain numbers.
                type = .float
            default: type = try valueType(of: declared)
            }
        }
        if type == .na { type = .float }
        let persistent = d.mode != .none
        switch type {
        case .string:
            let f = try string(value, d.initializer.range)
            let p = arena.state { "" }
            bind(name, .string(p))
            if persistent {
                let started = arena.cell(0)
                return { rt in
                    if started.pointee == 0 {
                        p.pointee = try f(rt)
                        started.pointee = 1
                    }
                    return .normal
                }
            }
            return { rt in
                p.pointee = try f(rt)
                return .normal
            }
        case .array(let e):
            let f = try nullableArray(value, d.initializer.range)
            let storage = arrayStorage(for: name)
            bind(name, .array(storage, e))
            if persistent {
                let started = arena.cell(0)
                return { rt in
                    if started.pointee == 0 {
                        storage.declare(try f(rt))
                        started.pointee = 1
                    } else {
                        storage.carry()
                    }
                    return .normal
                }
            }
            return { rt in
                storage.declare(try f(rt))
                return .normal
            }
        case .tuple, .void:
            throw error(range, "'\(name)' cannot hold a \(type) value")
        default:
            let storage = self.storage(for: name)
            let f =
                type == .bool
                ? try boolStoreValue(d.initializer, value, into: Version5Bools.key(storage))
                : try number(value, d.initializer.range)
            bind(name, .value(storage, type))
            if case .ring = storage, d.mode == .varip, recalculatesOnFills {
                throw error(range, Self.fillsRefusal("reads the history of the varip variable '\(name)'"))
            }
            if persistent {
                let started = arena.cell(0)
                switch storage {
                case .cell(let p):
                    return { rt in
                        if started.pointee == 0 {
                            p.pointee = try f(rt)
                            started.pointee = 1
                        }
                        return .normal
                    }
                case .ring(let r):
                    return { rt in
                        if started.pointee == 0 {
                            r.pointee.push(try f(rt))
                            started.pointee = 1
                        } else {
                            r.pointee.push(r.pointee.current)
                        }
                        return .normal
                    }
                }
            }
            switch storage {
            case .cell(let p):
                return { rt in
                    p.pointee = try f(rt)
                    return .normal
                }
            case .ring(let r):
                return { rt in
                    r.pointee.push(try f(rt))
                    return .normal
                }
            }
        }
    }

    func compileTupleDeclaration(_ d: TupleDeclaration, _ range: SourceRange, topLevel: Bool) throws -> LoweredStatement {
        if !topLevel {
            for n in d.names where n.text != "_" { scope.note(n.text, .tuple(d)) }
        }
        let pure = topLevel && plan.hasRoom(for: d.names.count) && purity.isPure(d.initializer)
            && !d.names.contains { reassigned.contains($0.text) }
        let inputMark = inputs.met.count
        let value = try compile(d.initializer)
        guard case .tuple(let prepare, let elements) = value else {
            throw error(d.initializer.range, "the right side does not return a tuple")
        }
        guard elements.count == d.names.count else {
            throw error(range, "the tuple has \(elements.count) values but \(d.names.count) names")
        }
        if pure, elements.allSatisfy({ $0.type.isNumeric || $0.type == .bool || $0.type == .na }) {
            let reads = try elements.map { try number($0, range) }
            let cols = reads.map { _ in Column() }
            let depends = inputDependence(of: d.initializer, inputMark: inputMark)
            for c in cols { plan.setDependencies(depends, of: c) }
            if let job = tupleKernelJob(for: d.initializer, into: cols) {
                plan.add(cols, job: job, cacheInputs: depends)
            } else {
                plan.add(cols, job: { rt in
                    let n = rt.barCount
                    var i = 0
                    while i < n {
                        rt.enter(bar: i)
                        _ = try prepare(rt)
                        for k in 0..<reads.count { cols[k].data[i] = try reads[k](rt) }
                        i += 1
                    }
                }, cacheInputs: depends)
            }
            for (k, name) in d.names.enumerated() where name.text != "_" {
                let t = elements[k].type == .na ? ValueType.float : elements[k].type
                bind(name.text, .column(cols[k], t))
            }
            return .none
        }
        var stores: [Step] = [Step(prepare)]
        for (name, element) in zip(d.names, elements) where name.text != "_" {
            switch element.type {
            case .string:
                let f = try string(element, range)
                let p = arena.state { "" }
                bind(name.text, .string(p))
                stores.append(Step { rt in
                    p.pointee = try f(rt)
                    return .normal
                })
            case .array(let e):
                let f = try nullableArray(element, range)
                let storage = arrayStorage(for: name.text)
                bind(name.text, .array(storage, e))
                stores.append(Step { rt in
                    storage.declare(try f(rt))
                    return .normal
                })
            default:
                let f = try number(element, range)
                let storage = self.storage(for: name.text)
                let t: ValueType = element.type == .na ? .float : element.type
                bind(name.text, .value(storage, t))
                stores.append(Step { rt in
                    storage.declare(try f(rt))
                    return .normal
                })
            }
        }
        return LoweredStatement(orNothing(chain(stores)))
    }

    func compileAssignment(_ a: Assignment, _ range: SourceRange) throws -> ExecFn {
        if let exec = try compileReferenceAssignment(a, range) { return exec }
        guard let name = a.targetName else { throw error(a.target.range, "only variables can be assigned to") }
        guard let binding = lookup(name) else { throw error(a.target.range, "'\(name)' is not declared") }
        var value = try compile(a.value)
        if let op = a.op.binaryOperator {
            let combined = Expression(.binary(op, a.target, a.value), range: range)
            value = try compile(combined)
        }
        switch binding {
        case .value(let storage, let type):
            let f =
                type == .bool
                ? try boolStoreValue(a.value, value, into: Version5Bools.key(storage))
                : try number(value, a.value.range)
            switch storage {
            case .cell(let p):
                return { rt in
                    p.pointee = try f(rt)
                    return .normal
                }
            case .ring(let r):
                return { rt in
                    r.pointee.set(try f(rt))
                    return .normal
                }
            }
        case .string(let p):
            let f = try string(value, a.value.range)
            return { rt in
                p.pointee = try f(rt)
                return .normal
            }
        case .array(let storage, _):
            let f = try nullableArray(value, a.value.range)
            return { rt in
                storage.set(try f(rt))
                return .normal
            }
        case .function:
            throw error(a.target.range, "'\(name)' is a function and cannot be assigned to")
        case .column:
            throw error(a.target.range, "internal: '\(name)' was treated as never reassigned")
        case .reference:
            throw error(a.target.range, "internal: '\(name)' holds a reference")
        }
    }
}
