/// The one catalogue of the metrics a backtest reports: each metric's name
/// and kind, in report order. `metrics.json`, `runs.csv`,
/// `leaderboard.csv`, objective expressions and the C ABI export all take
/// their names from here, and how a value is written (an integer, money,
/// a percentage, a ratio) from its kind.
public enum MetricCatalog {
    /// What a metric's value is, which decides how it is written for people.
    public enum Kind: Sendable, Equatable {
        /// A count of trades, bars or streaks: an integer.
        case count
        /// An amount in the account currency: cents.
        case money
        /// A percentage: two decimals.
        case percent
        /// A ratio or a statistic: four significant digits.
        case ratio
        /// An average number of bars: one decimal.
        case bars
    }

    /// One metric: its name and kind.
    public struct Entry: Sendable, Equatable {
        public let name: String
        public let kind: Kind

        init(_ name: String, _ kind: Kind) {
            self.name = name
            self.kind = kind
        }
    }

    /// Trade statistics, computed three times: all trades, longs, shorts.
    public static let tradeEntries: [Entry] = [
        Entry("num_trades", .count), Entry("num_wins", .count), Entry("num_losses", .count),
        Entry("num_even", .count), Entry("percent_profitable", .percent),
        Entry("net_profit", .money), Entry("net_profit_pct", .percent), Entry("gross_profit", .money),
        Entry("gross_profit_pct", .percent), Entry("gross_loss", .money), Entry("gross_loss_pct", .percent),
        Entry("profit_factor", .ratio), Entry("avg_trade", .money), Entry("avg_trade_pct", .percent),
        Entry("avg_win", .money), Entry("avg_win_pct", .percent), Entry("avg_loss", .money),
        Entry("avg_loss_pct", .percent), Entry("ratio_avg_win_avg_loss", .ratio),
        Entry("largest_win", .money), Entry("largest_win_pct", .percent), Entry("largest_loss", .money),
        Entry("largest_loss_pct", .percent), Entry("commission_paid", .money), Entry("expectancy", .money),
        Entry("max_consecutive_wins", .count), Entry("max_consecutive_losses", .count),
        Entry("avg_bars_in_trade", .bars), Entry("avg_bars_in_wins", .bars), Entry("avg_bars_in_losses", .bars),
    ]

    /// Statistics of the equity curve.
    public static let equityEntries: [Entry] = [
        Entry("max_equity_drawdown", .money), Entry("max_equity_drawdown_pct", .percent),
        Entry("max_equity_runup", .money), Entry("max_equity_runup_pct", .percent),
        Entry("buy_hold_return", .money), Entry("buy_hold_return_pct", .percent), Entry("sharpe_monthly", .ratio),
        Entry("sortino_monthly", .ratio), Entry("sharpe_bar", .ratio), Entry("sortino_bar", .ratio),
        Entry("cagr", .percent), Entry("calmar", .ratio), Entry("recovery_factor", .ratio),
        Entry("time_in_market_pct", .percent), Entry("open_pl", .money),
    ]

    /// Counts about the run itself (not trade metrics): `margin_shortfall_bars`, the bars
    /// whose worst price left the position held at the close short of margin (see `BacktestCounters`).
    public static let counterEntries: [Entry] = [Entry("margin_shortfall_bars", .count)]

    /// Every flat metric: all-trades entries unprefixed, then `long_` and
    /// `short_` prefixed ones, then the equity entries, then the run counters.
    public static let flatEntries: [Entry] =
        tradeEntries + tradeEntries.map { Entry("long_" + $0.name, $0.kind) }
        + tradeEntries.map { Entry("short_" + $0.name, $0.kind) } + equityEntries + counterEntries

    /// The trade metric names.
    public static let tradeMetrics: [String] = tradeEntries.map(\.name)

    /// The equity metric names.
    public static let equityMetrics: [String] = equityEntries.map(\.name)

    /// The run counter names.
    public static let runCounters: [String] = counterEntries.map(\.name)

    /// The flat names used by sweeps, in `flatEntries` order.
    public static let flatNames: [String] = flatEntries.map(\.name)

    /// The metrics traders compare first, in the order a leaderboard shows them.
    public static let headline: [String] = [
        "net_profit_pct", "num_trades", "percent_profitable", "profit_factor", "max_equity_drawdown_pct",
        "sharpe_monthly", "sortino_monthly", "cagr", "calmar", "net_profit", "avg_trade",
    ]

    /// Former metric names and what became of them (for the message that
    /// refuses an old name). The annualised ratios of monthly returns were
    /// once called `sharpe_tv` / `sortino_tv`, which TradingView's panel
    /// does not show: it shows the ratio not annualised.
    public static let renamed: [String: String] = [
        "sharpe_tv": "sharpe_monthly", "sortino_tv": "sortino_monthly",
    ]

    /// The one-line explanation for a former metric name (nil when `name` never was one).
    public static func renamedNote(_ name: String) -> String? {
        guard let now = renamed[name] else { return nil }
        return "\(name) is now called \(now) (the annualised ratio of monthly returns: x sqrt(12), "
            + "sample standard deviation; TradingView's panel shows the ratio not annualised, so divide by sqrt(12) "
            + "and use the population deviation to compare)"
    }

    /// The kind of a flat metric name (nil when unknown).
    public static func kind(of name: String) -> Kind? {
        flatEntries.first { $0.name == name }?.kind
    }
}
