import Foundation

/// How a `strategy.risk.*` limit is expressed.
public enum RiskValueType: Sendable, Hashable {
    /// Money.
    case cash
    /// Percent of equity (of the equity peak for max drawdown, of the day's
    /// opening equity for max intraday loss).
    case percentOfEquity
}
