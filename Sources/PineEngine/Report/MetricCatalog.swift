/// The names of every metric a backtest reports, in report order, as
/// PineForge's ABI names them. `metrics.json`, `runs.csv`, objective
/// expressions and the C ABI export all use these names.
public enum MetricCatalog {
    /// Trade statistics, computed three times: all trades, longs, shorts.
    public static let tradeMetrics: [String] = [
        "num_trades", "num_wins", "num_losses", "num_even", "percent_profitable",
        "net_profit", "net_profit_pct", "gross_profit", "gross_profit_pct",
        "gross_loss", "gross_loss_pct", "profit_factor", "avg_trade", "avg_trade_pct",
        "avg_win", "avg_win_pct", "avg_loss", "avg_loss_pct", "ratio_avg_win_avg_loss",
        "largest_win", "largest_win_pct", "largest_loss", "largest_loss_pct",
        "commission_paid", "expectancy", "max_consecutive_wins", "max_consecutive_losses",
        "avg_bars_in_trade", "avg_bars_in_wins", "avg_bars_in_losses",
    ]

    /// Statistics of the equity curve.
    public static let equityMetrics: [String] = [
        "max_equity_drawdown", "max_equity_drawdown_pct", "max_equity_runup",
        "max_equity_runup_pct", "buy_hold_return", "buy_hold_return_pct", "sharpe_tv",
        "sortino_tv", "sharpe_bar", "sortino_bar", "cagr", "calmar", "recovery_factor",
        "time_in_market_pct", "open_pl",
    ]

    /// Counts about the run itself (not in PineForge's ABI): `margin_shortfall_bars`, the bars
    /// where TradingView would have issued a margin call (see `BacktestCounters`).
    public static let runCounters: [String] = ["margin_shortfall_bars"]

    /// The flat names used by sweeps: all-trades metrics unprefixed, then
    /// `long_` and `short_` prefixed ones, then the equity metrics unprefixed,
    /// then the run counters.
    public static let flatNames: [String] =
        tradeMetrics + tradeMetrics.map { "long_" + $0 } + tradeMetrics.map { "short_" + $0 }
        + equityMetrics + runCounters
}
