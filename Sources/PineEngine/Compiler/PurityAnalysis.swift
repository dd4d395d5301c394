import PineLanguage

/// Decides which expressions are pure series: values that depend only on the
/// bars, inputs, constants and other pure series. A pure expression at the
/// script's top level is computed for every bar in one loop before the bar
/// loop (a column) instead of inside the per-bar closure tree. Input: an
/// expression and the scope it is read in; output: pure or not. Which
/// built-in functions are pure is the registry's `BuiltinFunction.isPure`.
struct PurityAnalysis {
    /// Bar and calendar series that are the same in every run over the same bars.
    static let pureSeries: Set<String> = [
        "open", "high", "low", "close", "volume", "hl2", "hlc3", "ohlc4", "hlcc4", "time", "time_close",
        "bar_index", "last_bar_index", "year", "month", "dayofmonth", "dayofweek", "hour", "minute", "second",
        "weekofyear", "syminfo.mintick", "syminfo.pointvalue", "ta.tr", "ta.obv", "ta.accdist", "ta.pvt", "ta.vwap",
        "ta.pvi", "ta.nvi", "ta.wad", "ta.iii", "ta.wvad",
        "timeframe.in_seconds", "na",
    ]

    /// Functions whose result depends only on their arguments (and their own
    /// per-call-site state, which a top-level call updates on every bar).
    static func isPureFunction(_ name: String) -> Bool {
        Builtins.function(named: name)?.isPure ?? false
    }

    let scope: Scope

    func isPure(_ e: Expression) -> Bool {
        switch e.kind {
        case .intLiteral, .floatLiteral, .boolLiteral, .colorLiteral, .na, .stringLiteral:
            return true
        case .identifier(let name):
            if let b = scope.lookup(name) {
                if case .column = b { return true }
                return false
            }
            return Self.pureSeries.contains(name) || BuiltinVariables.constants[name] != nil
        case .member:
            guard let name = e.dottedName, scope.lookup(name) == nil else { return false }
            return Self.pureSeries.contains(name) || BuiltinVariables.constants[name] != nil
                || BuiltinVariables.stringConstants[name] != nil || BuiltinVariables.styleConstant(name) != nil
                || name.hasPrefix("color.")
                || name == "strategy.long" || name == "strategy.short"
        case .call(let call):
            guard let name = call.callee.dottedName, scope.lookup(name) == nil, Self.isPureFunction(name),
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

    /// True when the expression calls a function somewhere.
    static func containsCall(_ e: Expression) -> Bool {
        var found = false
        SyntaxWalk.expressions(in: e) { sub in
            if case .call = sub.kind { found = true }
        }
        return found
    }
}
