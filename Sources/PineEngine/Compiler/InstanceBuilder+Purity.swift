import PineLanguage

/// Pure series: expressions at the script's top level that depend only on
/// bars, inputs, constants and other pure series. They are computed for
/// every bar in one tight loop before the bar loop (column at a time) and
/// read by index afterwards, which is much faster than evaluating them
/// inside the per-bar closure tree.
extension InstanceBuilder {
    /// Bar and calendar series that are the same in every run over the same bars.
    static let pureSeries: Set<String> = [
        "open", "high", "low", "close", "volume", "hl2", "hlc3", "ohlc4", "hlcc4", "time", "time_close",
        "bar_index", "last_bar_index", "year", "month", "dayofmonth", "dayofweek", "hour", "minute", "second",
        "weekofyear", "syminfo.mintick", "syminfo.pointvalue", "ta.tr", "ta.obv", "ta.accdist", "ta.pvt", "ta.vwap",
        "timeframe.in_seconds", "na",
    ]

    /// Functions whose result depends only on their arguments (and their own
    /// per-call-site state, which a top-level call updates on every bar).
    static func isPureFunction(_ name: String) -> Bool {
        if name.hasPrefix("ta.") || name.hasPrefix("input") { return true }
        if name.hasPrefix("math.") { return name != "math.random" }
        return ["na", "nz", "fixnan", "int", "float", "timestamp", "timeframe.change", "time", "time_close"].contains(name)
    }

    func isPure(_ e: Expression) -> Bool {
        switch e.kind {
        case .intLiteral, .floatLiteral, .boolLiteral, .colorLiteral, .na:
            return true
        case .stringLiteral:
            return true
        case .identifier(let name):
            if let b = lookup(name) {
                if case .column = b { return true }
                return false
            }
            return Self.pureSeries.contains(name) || BuiltinVariables.constants[name] != nil
        case .member:
            guard let name = e.dottedName, lookup(name) == nil else { return false }
            return Self.pureSeries.contains(name) || BuiltinVariables.constants[name] != nil
                || BuiltinVariables.stringConstants[name] != nil || name.hasPrefix("color.")
                || name == "strategy.long" || name == "strategy.short"
        case .call(let call):
            guard let name = call.callee.dottedName, lookup(name) == nil, Self.isPureFunction(name),
                call.typeArguments.isEmpty
            else { return false }
            return call.arguments.allSatisfy { isPure($0.value) }
        case .index(let base, let offset):
            return isPure(base) && isPure(offset)
        case .unary(_, let x):
            return isPure(x)
        case .binary(_, let a, let b):
            return isPure(a) && isPure(b)
        case .ternary(let c, let t, let o):
            return isPure(c) && isPure(t) && isPure(o)
        default:
            return false
        }
    }

    /// Registers a column filled from `f` for every bar.
    func makeColumn(_ f: @escaping NumFn, cacheInputs: [UnsafeMutablePointer<Double>]? = nil) -> Column {
        let column = Column()
        columns.append(column)
        let job: (Runtime) throws -> Void = { rt in
            let n = rt.barCount
            let out = column.data
            var i = 0
            while i < n {
                rt.enter(bar: i)
                out[i] = try f(rt)
                i += 1
            }
        }
        columnJobs.append(ColumnJob(run: job, outputs: [column], cacheInputs: cacheInputs))
        return column
    }

    /// The column of a pure expression other than an input: a tight kernel
    /// when it has one of the kernels' shapes, else the compiled closure run
    /// for every bar. `inputMark` is `inputs.count` before `value` was
    /// compiled (inputs written inline in the expression are its dependencies).
    func pureColumn(_ e: Expression, _ value: CompiledValue, inputMark: Int) throws -> Column {
        // Copying a kept series costs less than computing even a simple one.
        let depends = inputDependence(of: e, inputMark: inputMark)
        let cache = depends
        let column: Column
        let candidate = Column()
        if let job = kernelJob(for: e, into: candidate) {
            column = candidate
            columns.append(column)
            columnJobs.append(ColumnJob(run: job, outputs: [column], cacheInputs: cache))
        } else {
            column = makeColumn(try number(value, e.range), cacheInputs: cache)
        }
        if let depends { columnInputs[ObjectIdentifier(column)] = depends }
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
        for input in inputs[min(inputMark, inputs.count)...] {
            guard let cell = input.cell else { return nil }
            add(cell)
        }
        SyntaxWalk.expressions(in: e) { sub in
            guard case .identifier(let name) = sub.kind, let b = lookup(name), case .column(let c, _) = b else { return }
            if let d = columnInputs[ObjectIdentifier(c)] { d.forEach(add) } else { known = false }
        }
        return known ? cells : nil
    }

    /// True when the expression calls a function somewhere.
    static func containsCall(_ e: Expression) -> Bool {
        var found = false
        SyntaxWalk.expressions(in: e) { sub in
            if case .call = sub.kind { found = true }
        }
        return found
    }

    /// The first condition of a top-level `if` runs on every bar, like a
    /// declaration: when it is pure and calls an indicator (`if
    /// ta.crossover(fast, slow)`), it becomes a column computed before the
    /// bar loop and the `if` reads one value per bar; a name that is already
    /// a column (`if longCondition`) is read as it is. Returns the condition
    /// and its column; nil otherwise.
    func hoistedCondition(_ e: Expression) throws -> (BoolFn, Column)? {
        // `if longCondition` where the name is already a column: that column is the gate.
        if case .identifier(let name) = e.kind, let b = lookup(name), case .column(let column, let type) = b {
            if type == .bool { return ({ rt in column.data[rt.barIndex] != 0 }, column) }
            return ({ rt in
                let x = column.data[rt.barIndex]
                return !x.isNaN && x != 0
            }, column)
        }
        guard isPure(e), Self.containsCall(e) else { return nil }
        let mark = inputs.count
        let value = try compile(e)
        guard value.type == .bool || value.type.isNumeric else {
            throw error(e.range, "expected a bool here, found \(value.type)")
        }
        // The column's storage is allocated when the bars are known: read it then.
        let column = try pureColumn(e, value, inputMark: mark)
        if value.type == .bool { return ({ rt in column.data[rt.barIndex] != 0 }, column) }
        let read: BoolFn = { rt in
            let x = column.data[rt.barIndex]
            return !x.isNaN && x != 0
        }
        return (read, column)
    }
}
