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
            return .num({ rt in
                let source = try from(rt).uppercased()
                let target = try to(rt).uppercased()
                if let rate = rate(from: source, to: target, rt) { return rate }
                if try ignoreInvalid(rt) { return .nan }
                let symbol = symbolCurrency(rt) ?? "unknown"
                let strategy = rt.broker?.settings.accountCurrency?.uppercased() ?? symbol
                throw rt.error(
                    "request.currency_rate(\"\(source)\", \"\(target)\"): pfopt has a rate only between the symbol's "
                        + "currency (\(symbol)) and the strategy's (\(strategy)), given with fx / fx_rate",
                    line: at.line, column: at.column)
            }, .float, nil)
        }
    }

    /// The symbol's quote currency, nil when unknown.
    static func symbolCurrency(_ rt: Runtime) -> String? {
        guard let c = rt.symbol?.currency, !c.isEmpty else { return nil }
        return c.uppercased()
    }

    /// USD and the stablecoins pegged to it (built once: the rate is read on every bar).
    private static let pegged: Set<String> = CurrencyConversion.usdStablecoins.union(["USD"])

    /// Units of `target` per unit of `source` on the current bar, or nil
    /// when pfopt has no rate for the pair.
    static func rate(from source: String, to target: String, _ rt: Runtime) -> Double? {
        if source == target { return 1 }
        if pegged.contains(source) && pegged.contains(target) && (source == "USD" || target == "USD") { return 1 }
        guard let symbol = symbolCurrency(rt),
            let strategy = rt.broker?.settings.accountCurrency?.uppercased()
        else { return nil }
        // The broker's rate: units of the strategy's currency per unit of the symbol's.
        let rate = rt.broker?.currencyRate ?? 1
        if source == symbol && target == strategy { return rate }
        if source == strategy && target == symbol { return 1 / rate }
        return nil
    }
}
