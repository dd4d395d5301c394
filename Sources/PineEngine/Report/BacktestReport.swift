/// Everything a backtest produced.
public struct BacktestReport: Sendable {
    /// Closed trades in closing order.
    public var trades: [ClosedTrade]
    /// Entries still open after the last bar (not closed trades).
    public var openTrades: [OpenTrade]
    public var equityCurve: EquityCurve
    public var counters: BacktestCounters
    public var metrics: Metrics
    /// The starting capital of the run.
    public var initialCapital: Double
    /// How the strategy's currency relates to the symbol's (nil: not said).
    public var currency: CurrencyConversion.Summary?

    public init(
        trades: [ClosedTrade], openTrades: [OpenTrade], equityCurve: EquityCurve,
        counters: BacktestCounters, metrics: Metrics, initialCapital: Double
    ) {
        self.trades = trades
        self.openTrades = openTrades
        self.equityCurve = equityCurve
        self.counters = counters
        self.metrics = metrics
        self.initialCapital = initialCapital
    }

    /// Net profit of the closed trades.
    public var netProfit: Double { metrics.all.netProfit }

    /// The last point of the equity curve (initial capital when empty).
    public var finalEquity: Double { equityCurve.equity.last ?? initialCapital }

    /// Every metric in `MetricCatalog.flatNames` order: the trade and equity metrics, then
    /// the run counters.
    public var flatMetrics: [Double] { metrics.flat + [Double(counters.marginShortfallBars)] }
}
