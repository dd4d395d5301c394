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
        return ["na", "nz", "fixnan", "int", "float", "timestamp"].contains(name)
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
    func makeColumn(_ f: @escaping NumFn) -> Column {
        let column = Column()
        columns.append(column)
        columnJobs.append { rt in
            let n = rt.barCount
            let out = column.data
            var i = 0
            while i < n {
                rt.enter(bar: i)
                out[i] = try f(rt)
                i += 1
            }
        }
        return column
    }
}
