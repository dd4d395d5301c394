import Foundation

/// The symbol properties the broker needs.
public struct BrokerSymbol: Sendable, Hashable {
    /// The price tick; fills are snapped to it (0.01 by default).
    public var mintick: Double = 0.01
    /// Money per point of price per contract (1 by default).
    public var pointValue: Double = 1
    /// When set, order quantities are floored to a multiple of it.
    public var lotStep: Double? = nil

    public init(mintick: Double = 0.01, pointValue: Double = 1, lotStep: Double? = nil) {
        self.mintick = mintick
        self.pointValue = pointValue
        self.lotStep = lotStep
    }
}

/// How the synthetic magnifier spreads its samples over a bar's path.
public enum MagnifierDistribution: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case uniform = 0
    case cosine = 1
    case triangle = 2
    case endpoints = 3
    case frontLoaded = 4
    case backLoaded = 5

    /// The names used on the command line and in configs.
    public var description: String {
        switch self {
        case .uniform: return "uniform"
        case .cosine: return "cosine"
        case .triangle: return "triangle"
        case .endpoints: return "endpoints"
        case .frontLoaded: return "front_loaded"
        case .backLoaded: return "back_loaded"
        }
    }

    /// Parses `uniform`, `cosine`, `triangle`, `endpoints`, `front_loaded`,
    /// `back_loaded` (hyphens accepted).
    public init?(name: String) {
        let n = name.lowercased().replacingOccurrences(of: "-", with: "_")
        guard let d = MagnifierDistribution.allCases.first(where: { $0.description == n }) else { return nil }
        self = d
    }
}

/// The bar magnifier: how a script bar's price path is walked for fills.
public enum Magnifier: Sendable, Hashable {
    /// One 4-point path per script bar (open, first extreme, second extreme, close).
    case off
    /// Each source sub-bar of the script bar is walked through its own 4-point path.
    case realBars
    /// The bar's path sampled at `samples` points (at least 2).
    case synthetic(samples: Int, distribution: MagnifierDistribution)
}

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
