import PineLanguage

/// Finds `request.security` calls with `lookahead = barmerge.lookahead_on`
/// whose expression is not offset into the past (`close[1]`): on historical
/// bars they read the requested bar's final values before it has closed,
/// results TradingView also shows but that no live trade can reproduce.
public enum LookaheadCheck {
    /// One warning per such call, at its `lookahead` argument.
    public static func warnings(in script: Script) -> [Diagnostic] {
        var out: [Diagnostic] = []
        SyntaxWalk.expressions(in: script.statements) { e in
            guard case .call(let call) = e.kind, call.callee.dottedName == "request.security" else { return }
            guard let lookahead = argument(call, label: "lookahead", position: 4), isOn(lookahead.value) else { return }
            guard let expression = argument(call, label: "expression", position: 2) else { return }
            if offsetIntoThePast(expression.value) { return }
            out.append(
                Diagnostic(
                    .warning,
                    "request.security with lookahead_on reads each higher-timeframe bar's final values before it closes "
                        + "(a future leak on historical bars): offset the expression, e.g. close[1], to trade only what was known",
                    at: lookahead.range))
        }
        return out
    }

    private static func argument(_ call: Call, label: String, position: Int) -> CallArgument? {
        if let a = call.arguments.first(where: { $0.label == label }) { return a }
        let positional = call.arguments.filter { $0.label == nil }
        return position < positional.count ? positional[position] : nil
    }

    private static func isOn(_ e: Expression) -> Bool {
        if e.dottedName == "barmerge.lookahead_on" { return true }
        if case .boolLiteral(true) = e.kind { return true }
        return false
    }

    /// `x[k]` with a constant k >= 1, or a tuple of such.
    private static func offsetIntoThePast(_ e: Expression) -> Bool {
        switch e.kind {
        case .index(_, let offset):
            if case .intLiteral(let k) = offset.kind { return k >= 1 }
            return false
        case .tuple(let items):
            return !items.isEmpty && items.allSatisfy(offsetIntoThePast)
        default:
            return false
        }
    }
}
