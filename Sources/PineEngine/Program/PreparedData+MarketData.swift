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

/// A run that cannot be set up as asked: reported before anything runs.
public enum RunSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    case timeframeFinerThanData(script: String, data: String)
    case unknownMagnifier(String)
    case unknownDistribution(String)
    case realMagnifierNeedsFinerData
    case badSamples(Int)

    public var description: String {
        switch self {
        case .timeframeFinerThanData(let s, let d):
            return "the script timeframe \(s) is finer than the data's \(d): pfopt can only aggregate to coarser bars"
        case .unknownMagnifier(let m):
            return "unknown magnifier '\(m)' (use off, real, synthetic, or a distribution: uniform, cosine, triangle, endpoints, front_loaded, back_loaded)"
        case .unknownDistribution(let d):
            return "unknown magnifier distribution '\(d)' (use uniform, cosine, triangle, endpoints, front_loaded, back_loaded)"
        case .realMagnifierNeedsFinerData:
            return "--magnifier real needs data finer than the script timeframe (set a coarser --timeframe)"
        case .badSamples(let n):
            return "the synthetic magnifier needs at least 2 samples per bar, got \(n)"
        }
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
