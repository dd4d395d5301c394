import PineLanguage

/// Lowering pure expressions to columns: the decision is `PurityAnalysis`'s,
/// the storage and jobs are `ColumnPlan`'s; this is where a compiled pure
/// expression becomes a column (a kernel when it has one of the kernels'
/// shapes) and where its input dependencies are worked out.
extension InstanceBuilder {
    /// The column of a pure expression other than an input: a tight kernel
    /// when it has one of the kernels' shapes, else the compiled closure run
    /// for every bar. `inputMark` is `inputs.met.count` before `value` was
    /// compiled (inputs written inline in the expression are its dependencies).
    func pureColumn(_ e: Expression, _ value: CompiledValue, inputMark: Int) throws -> Column {
        let depends = inputDependence(of: e, inputMark: inputMark)
        let column: Column
        let candidate = Column()
        if let job = kernelJob(for: e, into: candidate) {
            column = candidate
            plan.add([column], job: job, cacheInputs: depends)
        } else {
            column = plan.column(filledBy: try number(value, e.range), cacheInputs: depends)
        }
        plan.setDependencies(depends, of: column)
        return column
    }

    /// The input cells a pure expression reads, directly (inputs written in
    /// it since `inputMark`) or through the columns it names, in a fixed
    /// order without repeats; nil when it reads something that cannot be
    /// keyed (a text input, or a column that does).
    func inputDependence(of e: Expression, inputMark: Int) -> [UnsafeMutablePointer<Double>]? {
        var cells: [UnsafeMutablePointer<Double>] = []
        var known = true
        func add(_ cell: UnsafeMutablePointer<Double>) {
            if !cells.contains(cell) { cells.append(cell) }
        }
        let met = inputs.met
        for input in met[min(inputMark, met.count)...] {
            guard let cell = input.cell else { return nil }
            add(cell)
        }
        SyntaxWalk.expressions(in: e) { sub in
            guard case .identifier(let name) = sub.kind, let b = lookup(name), case .column(let c, _) = b else { return }
            if let d = plan.dependencies(of: c) { d.forEach(add) } else { known = false }
        }
        return known ? cells : nil
    }

    /// The first condition of a top-level `if` runs on every bar, like a
    /// declaration: when it is pure and calls an indicator (`if
    /// ta.crossover(fast, slow)`), it becomes a column computed before the
    /// bar loop and the `if` reads one value per bar; a name that is already
    /// a column (`if longCondition`) is read as it is. Returns the condition
    /// and its column; nil otherwise.
    func hoistedCondition(_ e: Expression) throws -> (BoolFn, Column)? {
        if case .identifier(let name) = e.kind, let b = lookup(name), case .column(let column, let type) = b {
            try refuseNumberAsCondition(type, e.range)
            return (Self.read(column, asBool: type == .bool), column)
        }
        guard plan.hasRoom(), purity.isPure(e), PurityAnalysis.containsCall(e) else { return nil }
        let mark = inputs.met.count
        let value = try compile(e)
        guard value.type == .bool || value.type.isNumeric else {
            throw error(e.range, "expected a bool here, found \(value.type)")
        }
        try refuseNumberAsCondition(value.type, e.range)
        // The column's storage is allocated when the bars are known: read it then.
        let column = try pureColumn(e, value, inputMark: mark)
        return (Self.read(column, asBool: value.type == .bool), column)
    }

    /// The current bar's value of a column as a condition.
    private static func read(_ column: Column, asBool: Bool) -> BoolFn {
        if asBool { return { rt in column.data[rt.barIndex] != 0 } }
        return { rt in
            let x = column.data[rt.barIndex]
            return !x.isNaN && x != 0
        }
    }

    /// The column of a pure top-level declaration. An input is one value for
    /// the whole run, except a source input (`input.source(close)`,
    /// `input(close)`, `input(hl2)`), which is a series; any other pure
    /// expression is computed for every bar.
    func declarationColumn(_ initializer: Expression, _ value: CompiledValue, inputMark: Int) throws -> Column {
        guard case .call = initializer.kind, let spec = inputs.spec(at: initializer.range) else {
            return try pureColumn(initializer, value, inputMark: inputMark)
        }
        let f = try number(value, initializer.range)
        let column = spec.kind == .source ? plan.column(filledBy: f) : plan.constantColumn(f)
        plan.setDependencies(inputDependence(of: initializer, inputMark: inputMark), of: column)
        return column
    }

    /// A built-in variable with state (`ta.obv`, `ta.vwap`, `ta.tr`, ...):
    /// a series with a value on every bar wherever it is read. It is
    /// computed once for every bar, as a column before the bar loop (beyond
    /// the column budget: at the start of every bar), and every read of the
    /// name returns that bar's value; a script that reads none pays nothing.
    /// Inside a `request.security` expression the requested bars are its
    /// own, so there the series is computed where it is evaluated.
    func everyBarSeries(_ name: String, _ make: () -> NumFn) -> CompiledValue {
        guard security.frames.isEmpty else { return .num(make(), .float, nil) }
        if let read = everyBarReads[name] { return .num(read, .float, nil) }
        let f = make()
        let read: NumFn
        if plan.hasRoom() {
            let column = plan.column(filledBy: f, cacheInputs: [])
            read = { rt in column.data[rt.barIndex] }
        } else {
            let cell = arena.cell()
            addBarPrologue { rt in cell.pointee = try f(rt) }
            read = { _ in cell.pointee }
        }
        everyBarReads[name] = read
        return .num(read, .float, nil)
    }
}
