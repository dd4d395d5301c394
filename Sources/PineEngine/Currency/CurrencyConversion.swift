import Foundation
import PFData

/// How money is carried from the symbol's currency (prices, and so profit
/// and percent commissions) into the strategy's (`strategy(currency=...)`,
/// in which `initial_capital`, cash commissions and every report figure
/// are): decided once before a run.
///
/// The broker books each amount at the rate of the bar it is booked on
/// (`factors`, handed over in `BacktestSettings.currencyFactors`): a closed
/// trade's profit at its exit bar, a percent fee at its fill's bar, open
/// profit at the current bar, a run-up or drawdown at the bar of its
/// extreme price. Money-based sizing (`strategy.cash`, `percent_of_equity`,
/// and the equity a script reads) is in the strategy's currency, turned
/// into contracts at the rate of the bar the order is placed on.
public struct CurrencyConversion: Sendable {
    /// What was decided.
    public enum Kind: String, Sendable, Equatable {
        /// No conversion: no currency declared, or the same one.
        case none
        /// A USD-pegged stablecoin against USD: 1:1 assumed.
        case pegged
        /// The symbol's currency is unknown: amounts taken as the strategy's.
        case unknownSymbolCurrency
        /// Converted at a given rate.
        case converted
    }

    public let kind: Kind
    /// The strategy's currency (nil: none declared).
    public let strategyCurrency: String?
    /// The symbol's quote currency (nil: unknown).
    public let symbolCurrency: String?
    /// Per chart bar: strategy-currency units per unit of the symbol's
    /// currency. Empty when the factor is 1 on every bar.
    public let factors: [Double]
    /// The one line a run reports about currencies (nil: nothing to say).
    public let note: String?

    /// USD-pegged stablecoins treated as USD, 1:1.
    public static let usdStablecoins: Set<String> = ["USDT", "USDC", "FDUSD", "BUSD", "TUSD", "USDP", "DAI"]

    /// No conversion.
    public static let identity = CurrencyConversion(
        kind: .none, strategyCurrency: nil, symbolCurrency: nil, factors: [], note: nil)

    init(kind: Kind, strategyCurrency: String?, symbolCurrency: String?, factors: [Double], note: String?) {
        self.kind = kind
        self.strategyCurrency = strategyCurrency
        self.symbolCurrency = symbolCurrency
        self.factors = factors
        self.note = note
    }

    /// Decides the conversion for a strategy declared in `strategy` (nil or
    /// NONE: the symbol's) on a symbol quoted in `symbol` (nil: unknown),
    /// over `chart` bars of `chartTimeframe`, with an optional rate.
    public static func decide(
        strategy: String?, symbol: String?, rate: FxSource?, chart: BarStore, chartTimeframe: Timeframe?
    ) throws(CurrencyError) -> CurrencyConversion {
        guard let script = strategy?.uppercased(), !script.isEmpty, script != "NONE" else { return .identity }
        guard let quote = symbol?.uppercased(), !quote.isEmpty else {
            return CurrencyConversion(
                kind: .unknownSymbolCurrency, strategyCurrency: script, symbolCurrency: nil, factors: [],
                note: "the symbol's currency is unknown (no symbol file, none in the data file's name): "
                    + "amounts are taken as \(script), the strategy's currency")
        }
        if script == quote { return CurrencyConversion(kind: .none, strategyCurrency: script, symbolCurrency: quote, factors: [], note: nil) }
        if let rate {
            let factors = try Self.factors(rate, strategy: script, symbol: quote, chart: chart, chartTimeframe: chartTimeframe)
            let how: String
            switch rate {
            case .constant(let r): how = "at a constant 1 \(script) = \(String(r)) \(quote)"
            case .series(let path, _, _, _, _):
                how = "at the rates of \(URL(fileURLWithPath: path).lastPathComponent) (the last close before each bar)"
            }
            return CurrencyConversion(
                kind: .converted, strategyCurrency: script, symbolCurrency: quote, factors: factors,
                note: "amounts converted from \(quote) to \(script) \(how)")
        }
        let pegged =
            (script == "USD" && usdStablecoins.contains(quote)) || (quote == "USD" && usdStablecoins.contains(script))
        if pegged {
            return CurrencyConversion(
                kind: .pegged, strategyCurrency: script, symbolCurrency: quote, factors: [],
                note: "the strategy reports in \(script), the symbol is quoted in \(quote): 1 \(quote) = 1 \(script) assumed (USD-pegged stablecoin)")
        }
        throw .needsRate(strategy: script, symbol: quote)
    }

    /// The per-bar factors a rate source gives.
    static func factors(
        _ rate: FxSource, strategy: String, symbol: String, chart: BarStore, chartTimeframe: Timeframe?
    ) throws(CurrencyError) -> [Double] {
        switch rate {
        case .constant(let r):
            guard r.isFinite, r > 0 else { throw .badRate(String(r)) }
            return [Double](repeating: 1 / r, count: chart.count)
        case .series(let path, let bars, let timeframe, let base, let quote):
            let invert: Bool
            if base == strategy && quote == symbol {
                invert = true
            } else if base == symbol && quote == strategy {
                invert = false
            } else {
                throw .pairMismatch(file: path, base: base, quote: quote, strategy: strategy, symbol: symbol)
            }
            guard !bars.isEmpty else { throw .emptyRates(path) }
            // A rate bar is known once it has closed: each chart bar uses the
            // last rate that closed at or before its open (the previous
            // day's close on intraday bars with a daily rate file). A chart
            // bar that opens before the first close has no rate (refused);
            // after the last close the last rate holds for at most
            // `staleLimit` (refused beyond).
            let interval = Self.interval(bars, timeframe)
            let lastClose = timeframe.map { $0.barEnd(openedAt: bars.time[bars.count - 1]) }
                ?? bars.time[bars.count - 1] + interval
            let limit = Self.staleLimit(interval: interval)
            var out = [Double](repeating: .nan, count: chart.count)
            var k = -1
            for i in 0..<chart.count {
                let open = chart.time[i]
                while k + 1 < bars.count && Self.closeTime(bars, k + 1, timeframe) <= open { k += 1 }
                guard k >= 0 else {
                    throw .ratesStartLate(file: path, firstClose: Self.closeTime(bars, 0, timeframe), chartBar: open)
                }
                if open - lastClose > limit {
                    throw .ratesEndEarly(file: path, lastClose: lastClose, chartBar: open, limit: limit)
                }
                let price = bars.close[k]
                guard price.isFinite, price > 0 else { throw .badRateBar(file: path, time: bars.time[k]) }
                out[i] = invert ? 1 / price : price
            }
            return out
        }
    }

    /// How long after the rate file's last close its last rate still serves:
    /// five of its bars, and never less than four days (a weekend and a
    /// holiday, when a forex file has no bars and the chart trades on).
    static func staleLimit(interval: Int64) -> Int64 {
        max(5 * interval, 4 * 86_400_000)
    }

    /// The rate file's bar interval: its timeframe, else the smallest gap between its bars (a day when it has one bar).
    private static func interval(_ bars: BarStore, _ timeframe: Timeframe?) -> Int64 {
        if let timeframe, timeframe.milliseconds > 0 { return timeframe.milliseconds }
        var best = Int64.max
        for k in bars.time.indices.dropFirst() where bars.time[k] > bars.time[k - 1] {
            best = min(best, bars.time[k] - bars.time[k - 1])
        }
        return best == Int64.max ? 86_400_000 : best
    }

    private static func closeTime(_ bars: BarStore, _ k: Int, _ timeframe: Timeframe?) -> Int64 {
        if let timeframe { return timeframe.barEnd(openedAt: bars.time[k]) }
        return k + 1 < bars.count ? bars.time[k + 1] : Int64.max
    }
}

extension CurrencyConversion {
    /// What a report says about currencies.
    public struct Summary: Sendable, Equatable {
        public var strategy: String
        public var symbol: String?
        public var conversion: String
        public var note: String

        /// The `metrics.json` object.
        public var json: String {
            func q(_ s: String) -> String {
                "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            }
            return "{\"strategy\": \(q(strategy)), \"symbol\": \(symbol.map(q) ?? "null"), "
                + "\"conversion\": \(q(conversion)), \"note\": \(q(note))}"
        }
    }

    /// The summary a report carries; nil when there is nothing to say.
    public var summary: Summary? {
        guard let note, let strategyCurrency else { return nil }
        return Summary(strategy: strategyCurrency, symbol: symbolCurrency, conversion: kind.rawValue, note: note)
    }
}
