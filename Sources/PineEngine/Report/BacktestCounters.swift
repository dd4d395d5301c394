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
