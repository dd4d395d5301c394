/// The equity curve: one point per script bar, marked to market at the close.
public struct EquityCurve: Sendable, Hashable {
    /// Bar open times, Unix ms.
    public var time: [Int64] = []
    /// Initial capital + closed P&L + open P&L at the bar's close.
    public var equity: [Double] = []
    /// Open P&L at the bar's close (before commissions).
    public var openProfit: [Double] = []
    /// True where a position was open at the bar's close.
    public var inMarket: [Bool] = []

    public init() {}

    /// The number of points.
    public var count: Int { time.count }
}

/// Work counters of a run.
public struct BacktestCounters: Sendable, Hashable {
    /// Script bars the script ran on.
    public var scriptBarsProcessed: Int = 0
    /// Price points the magnifier walked (real: 4 per sub-bar; synthetic:
    /// samples per bar; 0 without a magnifier).
    public var magnifierSampleTicks: Int = 0
    /// Source sub-bars the real-bar magnifier walked.
    public var magnifierSubBars: Int = 0
    /// Executions of the script inside bars, after order fills
    /// (calc_on_order_fills), besides the one on each bar's close.
    public var fillExecutions: Int = 0
    /// Bars whose worst price left the equity below the margin requirement
    /// (quantity x price x point value x margin_long/short %) of the position
    /// held at their close: after the bar's margin call, only a position
    /// opened or enlarged later on the bar can still fall short.
    public var marginShortfallBars: Int = 0
    /// Margin calls issued (each a partial or whole liquidation, exit id "Margin call").
    public var marginCalls: Int = 0
    /// The open time of the first such bar.
    public var firstMarginShortfallTime: Int64?

    public init() {}
}

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
