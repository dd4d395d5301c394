import PineLanguage

extension InstanceBuilder {
    /// Compiles statements into one closure that runs them in order; nil for none.
    func compileStatements<S: Collection>(_ statements: S, topLevel: Bool = false) throws -> ExecFn?
    where S.Element == Statement {
        var steps: [Step] = []
        for s in statements {
            if case .functionDeclaration(let f) = s.kind {
                bind(f.name.text, .function(f))
                continue
            }
            movedToColumn = false
            compiledGate = nil
            let fn = try compileStatement(s, topLevel: topLevel)
            if !movedToColumn {
                steps.append(Step(fn))
                if topLevel && !Self.isPlotOnly(s) {
                    hasPerBarWork = true
                    if let gate = compiledGate { gateColumns?.append(gate) } else { gateColumns = nil }
                }
            }
            compiledGate = nil
            movedToColumn = false
        }
        return chain(steps)
    }

    /// Runs closures in order, stopping at `break`/`continue`. Built as a
    /// chain of pairs so no array is walked per bar. The closures travel in
    /// `Step` values, not as bare array elements, so they keep their native
    /// calling convention (no reabstraction thunk per call).
    func chain(_ steps: [Step]) -> ExecFn? {
        guard var result = steps.last?.run else { return nil }
        for step in steps.dropLast().reversed() {
            let f = step.run
            let next = result
            result = { rt in
                let flow = try f(rt)
                if flow != .normal { return flow }
                return try next(rt)
            }
        }
        return result
    }

    /// A top-level `plot(...)` statement: output only, no effect on the run.
    static func isPlotOnly(_ s: Statement) -> Bool {
        guard case .expression(let e) = s.kind, case .call(let call) = e.kind, let name = call.callee.dottedName else {
            return false
        }
        return name == "plot" || VisualFunctions.noOps.contains(name)
    }

    func compileBody(_ block: Block) throws -> ExecFn {
        try withScope { try compileStatements(block) } ?? { _ in .normal }
    }

    func compileStatement(_ s: Statement, topLevel: Bool = false) throws -> ExecFn {
        switch s.kind {
        case .variableDeclaration(let d): return try compileDeclaration(d, s.range, topLevel: topLevel)
        case .tupleDeclaration(let d): return try compileTupleDeclaration(d, s.range, topLevel: topLevel)
        case .assignment(let a): return try compileAssignment(a, s.range)
        case .conditional(let c):
            var conditions: [BoolFn] = []
            var bodies: [ExecFn] = []
            var gate: Column?
            for (k, b) in c.branches.enumerated() {
                if k == 0, topLevel, let (hoisted, column) = try hoistedCondition(b.condition) {
                    conditions.append(hoisted)
                    gate = column
                } else {
                    conditions.append(try boolean(compile(b.condition), b.condition.range))
                }
                bodies.append(try compileBody(b.body))
            }
            let other = try c.elseBody.map { try compileBody($0) } ?? { _ in .normal }
            // Nested statements reset `compiledGate`: set it once the bodies are compiled.
            compiledGate = c.branches.count == 1 && c.elseBody == nil ? gate : nil
            return Self.select(conditions, bodies, other)
        case .forLoop(let f): return try compileFor(f, s.range, result: nil)
        case .forInLoop(let f): return try compileForIn(f, s.range, result: nil)
        case .whileLoop(let w): return try compileWhile(w, s.range, result: nil)
        case .switchStatement(let sw): return effect(try compileSwitchValue(sw, s.range))
        case .breakStatement: return { _ in .breakLoop }
        case .continueStatement: return { _ in .continueLoop }
        case .expression(let e): return effect(try compile(e))
        case .functionDeclaration(let f):
            bind(f.name.text, .function(f))
            return { _ in .normal }
        case .typeDeclaration: throw error(s.range, "user-defined types are not supported yet")
        case .enumDeclaration: throw error(s.range, "enums are not supported yet")
        case .importStatement: throw error(s.range, "libraries (import) are not supported yet")
        }
    }

    // MARK: declarations

    func compileDeclaration(_ d: VariableDeclaration, _ range: SourceRange, topLevel: Bool = false) throws -> ExecFn {
        let name = d.name.text
        let pure = topLevel && d.mode == .none && !reassigned.contains(name) && isPure(d.initializer)
        declaringName = name
        let inputMark = inputs.count
        let value = try compile(d.initializer)
        declaringName = nil
        if pure, value.type.isNumeric || value.type == .bool, d.type == nil || ["int", "float", "bool", "color"].contains(d.type?.name ?? "") {
            let column: Column
            if case .call(let call) = d.initializer.kind, call.callee.dottedName?.hasPrefix("input") == true,
                call.callee.dottedName != "input.source"
            {
                // An input is one value for the whole run.
                let f = try number(value, d.initializer.range)
                column = Column()
                columns.append(column)
                let fill: (Runtime) throws -> Void = { rt in
                    guard rt.barCount > 0 else { return }
                    rt.enter(bar: 0)
                    column.data.update(repeating: try f(rt), count: rt.barCount)
                }
                columnJobs.append(ColumnJob(run: fill, outputs: [column], cacheInputs: nil))
                inputColumns.insert(ObjectIdentifier(column))
                if let depends = inputDependence(of: d.initializer, inputMark: inputMark) {
                    columnInputs[ObjectIdentifier(column)] = depends
                }
            } else if case .call(let call) = d.initializer.kind, call.callee.dottedName == "input.source" {
                column = makeColumn(try number(value, d.initializer.range))
                if let depends = inputDependence(of: d.initializer, inputMark: inputMark) {
                    columnInputs[ObjectIdentifier(column)] = depends
                }
            } else {
                column = try pureColumn(d.initializer, value, inputMark: inputMark)
            }
            bind(name, .column(column, value.type))
            movedToColumn = true
            return { _ in .normal }
        }
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
            case "label", "line", "box", "table", "linefill", "polyline":
                // Drawing ids: drawings do nothing, so the id is always na.
                type = .float
            default: throw error(declared.range, "the type '\(declared)' is not supported yet")
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
            let p = arena.state { PineArray?.none }
            let f: ArrFn
            if case .na = value { f = { _ in PineArray(count: 0, fill: .nan) } } else { f = try array(value, d.initializer.range).0 }
            let isNa: Bool
            if case .na = value { isNa = true } else { isNa = false }
            bind(name, .array(p, e))
            if persistent {
                let started = arena.cell(0)
                return { rt in
                    if started.pointee == 0 {
                        p.pointee = isNa ? nil : try f(rt)
                        started.pointee = 1
                    }
                    return .normal
                }
            }
            return { rt in
                p.pointee = isNa ? nil : try f(rt)
                return .normal
            }
        case .tuple, .void:
            throw error(range, "'\(name)' cannot hold a \(type) value")
        default:
            let f = try number(value, d.initializer.range)
            let storage = self.storage(for: name)
            bind(name, .value(storage, type))
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

    func compileTupleDeclaration(_ d: TupleDeclaration, _ range: SourceRange, topLevel: Bool = false) throws -> ExecFn {
        let pure = topLevel && isPure(d.initializer) && !d.names.contains { reassigned.contains($0.text) }
        let inputMark = inputs.count
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
            columns.append(contentsOf: cols)
            let depends = inputDependence(of: d.initializer, inputMark: inputMark)
            if let depends { for c in cols { columnInputs[ObjectIdentifier(c)] = depends } }
            let cache = depends
            if let job = tupleKernelJob(for: d.initializer, into: cols) {
                columnJobs.append(ColumnJob(run: job, outputs: cols, cacheInputs: cache))
            } else {
                let fill: (Runtime) throws -> Void = { rt in
                    let n = rt.barCount
                    var i = 0
                    while i < n {
                        rt.enter(bar: i)
                        _ = try prepare(rt)
                        for k in 0..<reads.count { cols[k].data[i] = try reads[k](rt) }
                        i += 1
                    }
                }
                columnJobs.append(ColumnJob(run: fill, outputs: cols, cacheInputs: cache))
            }
            for (k, name) in d.names.enumerated() where name.text != "_" {
                let t = elements[k].type == .na ? ValueType.float : elements[k].type
                bind(name.text, .column(cols[k], t))
            }
            movedToColumn = true
            return { _ in .normal }
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
        return chain(stores) ?? { _ in .normal }
    }

    func compileAssignment(_ a: Assignment, _ range: SourceRange) throws -> ExecFn {
        guard let name = a.targetName else { throw error(a.target.range, "only variables can be assigned to") }
        guard let binding = lookup(name) else { throw error(a.target.range, "'\(name)' is not declared") }
        var value = try compile(a.value)
        if let op = a.op.binaryOperator {
            let combined = Expression(.binary(op, a.target, a.value), range: range)
            value = try compile(combined)
        }
        switch binding {
        case .value(let storage, _):
            let f = try number(value, a.value.range)
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
        case .array(let p, _):
            if case .na = value {
                return { _ in
                    p.pointee = nil
                    return .normal
                }
            }
            let f = try array(value, a.value.range).0
            return { rt in
                p.pointee = try f(rt)
                return .normal
            }
        case .function:
            throw error(a.target.range, "'\(name)' is a function and cannot be assigned to")
        case .column:
            throw error(a.target.range, "internal: '\(name)' was treated as never reassigned")
        }
    }

    // MARK: loops

    private static func spend(_ rt: Runtime, _ range: SourceRange) throws {
        rt.loopBudget -= 1
        if rt.loopBudget < 0 {
            throw rt.error(
                "loop ran more than \(Runtime.loopIterationsPerBar) iterations on one bar (runaway loop?)",
                line: range.start.line, column: range.start.column)
        }
    }

    func compileFor(_ f: ForLoop, _ range: SourceRange, result: UnsafeMutablePointer<Double>?) throws -> ExecFn {
        loopDepth += 1
        defer { loopDepth -= 1 }
        let start = try number(compile(f.start), f.start.range)
        let end = try number(compile(f.end), f.end.range)
        let step = try f.step.map { try number(compile($0), $0.range) }
        return try withScope {
            let counter = arena.cell()
            bind(f.variable.text, .value(.cell(counter), .int))
            let body = try bodyClosure(f.body, range, result: result)
            return { rt in
                let a = try start(rt)
                let b = try end(rt)
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
                }
                return .normal
            }
        }
    }

    func compileForIn(_ f: ForInLoop, _ range: SourceRange, result: UnsafeMutablePointer<Double>?) throws -> ExecFn {
        loopDepth += 1
        defer { loopDepth -= 1 }
        let (collection, element) = try array(compile(f.collection), f.collection.range)
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
        let condition = try boolean(compile(w.condition), w.condition.range)
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
    /// stored in `result` on every iteration.
    private func bodyClosure(_ body: Block, _ range: SourceRange, result: UnsafeMutablePointer<Double>?) throws -> ExecFn {
        guard let result else { return try compileStatements(body) ?? { _ in .normal } }
        let value = try number(compileBlockValue(body, range), range)
        return { rt in
            result.pointee = try value(rt)
            return .normal
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
