import Foundation

/// Statistics of the equity curve (all trades). NaN where undefined.
public struct EquityStats: Sendable, Hashable {
    public var maxEquityDrawdown = 0.0
    public var maxEquityDrawdownPercent = 0.0
    public var maxEquityRunup = 0.0
    public var maxEquityRunupPercent = 0.0
    public var buyHoldReturn = Double.nan
    public var buyHoldReturnPercent = Double.nan
    /// Monthly Sharpe, annualized (sample stdev * sqrt(12)); TradingView's
    /// panel shows a non-annualized variant.
    public var sharpeMonthly = Double.nan
    public var sortinoMonthly = Double.nan
    /// Per-bar Sharpe/Sortino annualized by sqrt(bars per year).
    public var sharpeBar = Double.nan
    public var sortinoBar = Double.nan
    /// Compound annual growth, percent.
    public var cagr = Double.nan
    public var calmar = Double.nan
    public var recoveryFactor = Double.nan
    public var timeInMarketPercent = Double.nan
    /// Open P&L at the last bar.
    public var openPL = 0.0

    public init() {}

    /// The values in `MetricCatalog.equityMetrics` order.
    public var values: [Double] {
        [
            maxEquityDrawdown, maxEquityDrawdownPercent, maxEquityRunup, maxEquityRunupPercent,
            buyHoldReturn, buyHoldReturnPercent, sharpeMonthly, sortinoMonthly, sharpeBar, sortinoBar, cagr, calmar,
            recoveryFactor, timeInMarketPercent, openPL,
        ]
    }
}
