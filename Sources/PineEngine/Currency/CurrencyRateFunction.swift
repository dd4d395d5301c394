import PineLanguage

/// `request.currency_rate(from, to)`: the rate pfopt books money at. It knows
/// the rate between the symbol's currency and the strategy's (the one the
/// run converts with: `fx` / `fx_rate`, or 1:1 for the same money and USD
/// against a USD stablecoin); any other pair has no rate in a backtest on one
/// feed, so the call stops with its line and bar (or gives `na` with
/// `ignore_invalid_currency = true`).
enum CurrencyRateFunction {
    static func register(into t: inout [String: BuiltinImplementation]) {
        t["request.currency_rate"] = BuiltinImplementation { a in
            let from = try a.str(0)
            let to = try a.str(1)
            let ignoreInvalid = try a.bool(2, default: false)
            let at = a.range.start
            // The pair is decided once per run (and again if the strings change), not on every bar.
            let memo = PairMemo()
            return .num({ rt in
                let rawSource = try from(rt)
                let rawTarget = try to(rt)
                if rt.barIndex == 0 || rawSource != memo.source || rawTarget != memo.target {
                    memo.source = rawSource
                    memo.target = rawTarget
                    memo.pair = pair(from: rawSource.uppercased(), to: rawTarget.uppercased(), rt)
                }
                switch memo.pair {
                case .one: return 1
                case .symbolToStrategy: return rt.broker?.currencyRate ?? 1
                case .strategyToSymbol: return 1 / (rt.broker?.currencyRate ?? 1)
                case .none:
                    if try ignoreInvalid(rt) { return .nan }
                    throw rt.error(
                        missingRate(
                            "request.currency_rate(\"\(rawSource.uppercased())\", \"\(rawTarget.uppercased())\")", rt),
                        line: at.line, column: at.column)
                }
            }, .float, nil)
        }
    }

    /// Which rate a pair of currencies reads.
    enum Pair {
        /// The same money, or USD against a USD stablecoin.
        case one
        /// The broker's rate, and its inverse.
        case symbolToStrategy, strategyToSymbol
    }

    /// The last pair a call site decided.
    final class PairMemo {
        var source = ""
        var target = ""
        var pair: Pair?
    }

    /// Why `what` has no rate: pfopt knows only the one between the chart
    /// symbol's currency and the strategy's (`rt` is the chart's runtime).
    static func missingRate(_ what: String, _ rt: Runtime) -> String {
        let symbol = symbolCurrency(rt) ?? "unknown"
        let strategy = rt.broker?.settings.accountCurrency?.uppercased() ?? symbol
        return "\(what): pfopt has a rate only between the symbol's currency (\(symbol)) and the strategy's "
            + "(\(strategy)), given with fx / fx_rate"
    }

    /// The symbol's quote currency, nil when unknown.
    static func symbolCurrency(_ rt: Runtime) -> String? {
        guard let c = rt.symbol?.currency, !c.isEmpty else { return nil }
        return c.uppercased()
    }

    /// USD and the stablecoins pegged to it (built once: the rate is read on every bar).
    private static let pegged: Set<String> = CurrencyConversion.usdStablecoins.union(["USD"])

    /// Which rate converts `source` into `target` (upper case), or nil when
    /// pfopt has no rate for the pair.
    static func pair(from source: String, to target: String, _ rt: Runtime) -> Pair? {
        if source == target { return .one }
        if pegged.contains(source) && pegged.contains(target) && (source == "USD" || target == "USD") { return .one }
        guard let symbol = symbolCurrency(rt), let strategy = rt.broker?.settings.accountCurrency?.uppercased()
        else { return nil }
        if source == symbol && target == strategy { return .symbolToStrategy }
        if source == strategy && target == symbol { return .strategyToSymbol }
        return nil
    }
}
