import PFData

extension PreparedData {
    /// Prepares loaded market data for a script on `scriptTimeframe` (a
    /// TradingView string; nil: the data's own), with its symbol information.
    public init(market: MarketData, scriptTimeframe: String?) throws {
        let target = try scriptTimeframe.map { try Timeframe(parsing: $0) }
        if let target, let source = market.timeframe, target < source {
            throw RunSetupError.timeframeFinerThanData(script: target.description, data: source.description)
        }
        try self.init(
            store: market.bars, sourceTimeframe: market.timeframe, scriptTimeframe: target,
            mintick: market.symbol.mintick, pointValue: market.symbol.pointvalue, lotStep: market.symbol.mincontract,
            timezone: market.symbol.timezone, sessionStarts: market.symbol.sessionStarts, symbol: market.symbol)
        if !market.currencyIsKnown { symbolCurrency = nil }
    }
}

extension Magnifier {
    /// Parses a magnifier setting: `off`, `real`, `synthetic` (with
    /// `distribution`), or a distribution name directly (`endpoints`).
    public static func parse(mode: String, samples: Int, distribution: String) throws(RunSetupError) -> Magnifier {
        switch mode.lowercased() {
        case "off", "none": return .off
        case "real", "real-bar", "real_bars", "realbars": return .realBars
        case "synthetic":
            guard let d = MagnifierDistribution(name: distribution) else { throw .unknownDistribution(distribution) }
            guard samples >= 2 else { throw .badSamples(samples) }
            return .synthetic(samples: samples, distribution: d)
        default:
            guard let d = MagnifierDistribution(name: mode) else { throw .unknownMagnifier(mode) }
            guard samples >= 2 else { throw .badSamples(samples) }
            return .synthetic(samples: samples, distribution: d)
        }
    }
}
