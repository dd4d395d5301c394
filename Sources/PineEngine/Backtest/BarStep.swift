/// What one step of a `BacktestSession` produced.
public struct BarStep: Sendable {
    /// The script bar just processed.
    public var bar: ScriptBar
    /// The indices in `broker.closedTrades` of the trades closed on this bar.
    public var closedTradeRange: Range<Int>
    /// Equity and open profit at the bar's close.
    public var equity: Double
    public var openProfit: Double
}
