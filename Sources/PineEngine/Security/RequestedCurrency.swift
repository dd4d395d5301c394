import PFData

/// Money in a requested context. `request.*(currency = X)` gives the
/// requested symbol's prices in X, and `strategy.convert_to_account` /
/// `convert_to_symbol` inside a requested expression convert between the
/// requested symbol's currency and the strategy's; both at the rate pfopt
/// books money with (`fx` / `fx_rate`, or 1:1 for the same money and USD
/// against a USD stablecoin), read on the chart bar each requested bar opens
/// in: the last rate closed at or before it, as the broker reads it. A pair
/// pfopt has no rate for stops the run with the call's location.
enum RequestedCurrency {
    /// Per requested bar (opening at `times`, ascending): units of `target`
    /// per unit of `source`; nil when the rate is 1 on every bar; a failure
    /// when pfopt has no rate for the pair. `rt` is the chart's runtime (its
    /// bar times and broker).
    static func factors(from source: String, to target: String, times: [Int64], rt: Runtime) -> Result<[Double]?, NoRate> {
        let from = source.uppercased()
        let to = target.uppercased()
        guard let pair = CurrencyRateFunction.pair(from: from, to: to, rt) else {
            return .failure(NoRate())
        }
        let chart = rt.broker?.settings.currencyFactors ?? []
        let invert: Bool
        switch pair {
        case .one: return .success(nil)
        case .symbolToStrategy: invert = false
        case .strategyToSymbol: invert = true
        }
        if chart.isEmpty { return .success(nil) }
        let chartTimes = rt.times
        var out = [Double](repeating: 1, count: times.count)
        var j = 0
        for (k, t) in times.enumerated() {
            while j + 1 < chartTimes.count && chartTimes[j + 1] <= t { j += 1 }
            let f = chart[min(j, chart.count - 1)]
            out[k] = invert ? 1 / f : f
        }
        return .success(out)
    }

    /// `bars` with open, high, low and close multiplied by each bar's factor
    /// (volume is not money and is kept).
    static func converted(_ bars: BarStore, by factors: [Double]) -> BarStore {
        var open = bars.open, high = bars.high, low = bars.low, close = bars.close
        for k in 0..<bars.count {
            let f = factors[k]
            open[k] *= f
            high[k] *= f
            low[k] *= f
            close[k] *= f
        }
        return BarStore(time: bars.time, open: open, high: high, low: low, close: close, volume: bars.volume)
    }

    /// pfopt has no rate between two currencies.
    struct NoRate: Error {}
}
