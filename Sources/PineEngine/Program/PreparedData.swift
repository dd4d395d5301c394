import Foundation
import PFData

/// Market data made ready for many backtests: aggregated once to the script
/// timeframe (keeping the source bars for the real-bar magnifier) and
/// shared read-only by every run and worker.
public struct PreparedData: Sendable {
    /// Script bars and, when aggregated, the source sub-bars.
    public let bars: BacktestBars
    /// The script timeframe (nil when unknown).
    public let timeframe: Timeframe?
    /// The data's own timeframe (nil when unknown).
    public let sourceTimeframe: Timeframe?
    public let mintick: Double
    public let pointValue: Double
    public let lotStep: Double?
    /// The chart time zone (IANA name): calendar builtins and Sharpe months.
    public let timezone: String
    /// When the exchange's sessions start each week (`SymbolInfo.sessionStarts`, day 0 =
    /// Monday, in `timezone`); empty: every day at midnight. Session VWAP and
    /// `timeframe.change()` count from them.
    public let sessionStarts: [SessionTime]
    /// The symbol file's fields the script can read (`syminfo.ticker`, ...), nil when unknown.
    public let symbol: SymbolInfo?
    /// The other timeframes and symbols the script may request, built on
    /// first use and shared by every run.
    public let security: SecurityViews
    /// The symbol's quote currency (nil: unknown, no symbol file and none in the data file's name).
    public internal(set) var symbolCurrency: String?
    /// The currency conversion decided for the strategy (`setCurrency`); nil:
    /// decided at the run without a rate.
    public internal(set) var currency: CurrencyConversion?

    /// Prepares `store` (bars of `sourceTimeframe`) for a script running on
    /// `scriptTimeframe` (nil: the data's own). A finer script timeframe is an error.
    public init(
        store: BarStore, sourceTimeframe: Timeframe?, scriptTimeframe: Timeframe? = nil, mintick: Double = 0.01,
        pointValue: Double = 1, lotStep: Double? = nil, timezone: String = "UTC", sessionStarts: [SessionTime] = [],
        symbol: SymbolInfo? = nil
    ) throws {
        if let target = scriptTimeframe, let source = sourceTimeframe, target != source {
            let aggregated = try store.aggregated(to: target, from: source)
            let end = aggregated.subBarStart.last ?? store.count
            bars = try BacktestBars(
                bars: aggregated.bars, subBars: store, subBarStart: Array(aggregated.subBarStart.dropLast()),
                subBarEnd: end)
            timeframe = target
        } else {
            bars = BacktestBars(bars: store)
            timeframe = scriptTimeframe ?? sourceTimeframe
        }
        self.sourceTimeframe = sourceTimeframe
        self.mintick = mintick
        self.pointValue = pointValue
        self.lotStep = lotStep
        self.timezone = timezone
        self.sessionStarts = sessionStarts
        self.symbol = symbol
        symbolCurrency = symbol?.currency
        var names: Set<String> = []
        if let symbol {
            names = [symbol.ticker, symbol.prefix.isEmpty ? symbol.ticker : symbol.prefix + ":" + symbol.ticker]
        }
        security = SecurityViews(
            chart: bars.bars, chartTimeframe: timeframe, source: .init(bars: store, timeframe: sourceTimeframe),
            names: names)
    }

    /// The script bar's length in milliseconds (0 when unknown or monthly).
    public var barDurationMs: Int64 {
        guard let timeframe, timeframe.hasFixedLength else { return 0 }
        return timeframe.milliseconds
    }
}
