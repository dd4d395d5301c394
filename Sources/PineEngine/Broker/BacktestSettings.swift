import Foundation

/// Everything a backtest needs besides the bars and the script.
public struct BacktestSettings: Sendable, Hashable {
    public var properties: StrategyProperties
    public var symbol: BrokerSymbol
    /// Order commands take effect only when issued on a bar that closes at
    /// or after this time (Unix ms); nil: from the first bar.
    public var tradeFrom: Int64?
    /// The run stops before the first bar that opens at or after this time
    /// (Unix ms); nil: to the last bar.
    public var tradeTo: Int64?
    public var magnifier: Magnifier
    /// The chart timezone: the calendar months of the monthly Sharpe ratio
    /// are cut in it (UTC by default).
    public var timezone: TimeZone
    /// The script bar's duration in milliseconds (bar close = open + this);
    /// nil: inferred from the bars (the smallest gap between bar times).
    public var barDurationMs: Int64?
    /// Per script bar: units of the strategy's currency per unit of the
    /// symbol's (the rate every amount booked on that bar is converted
    /// at); empty when the two are the same money (a factor of 1).
    public var currencyFactors: [Double] = []
    /// `strategy.account_currency`: the strategy's declared currency (nil:
    /// the symbol's).
    public var accountCurrency: String? = nil

    public init(
        properties: StrategyProperties = StrategyProperties(), symbol: BrokerSymbol = BrokerSymbol(),
        tradeFrom: Int64? = nil, tradeTo: Int64? = nil, magnifier: Magnifier = .off,
        timezone: TimeZone = TimeZone(identifier: "UTC") ?? TimeZone.current, barDurationMs: Int64? = nil
    ) {
        self.properties = properties
        self.symbol = symbol
        self.tradeFrom = tradeFrom
        self.tradeTo = tradeTo
        self.magnifier = magnifier
        self.timezone = timezone
        self.barDurationMs = barDurationMs
    }
}
