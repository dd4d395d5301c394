import Foundation
import PFData
import PineLanguage

/// Everything a backtest needs besides the inputs a sweep varies, built in
/// one place for `pfopt run`, the sweep evaluator and strategy libraries: the
/// bars (history start, symbol file, script timeframe, other symbols'
/// data, currency), the magnifier, the trade window, the fixed inputs and the
/// property overrides, each checked before anything runs.
public struct RunSetup: Sendable {
    /// An input value given outside the script: typed (a config value) or as text (`--set`).
    public enum InputSetting: Sendable, Hashable {
        case value(InputValue)
        case text(String)
    }

    /// What a run is set up from. Times are Unix ms.
    public struct Request: Sendable {
        public var dataPath: String
        public var symbolPath: String?
        /// The script timeframe as a TradingView string ("60"); nil: the data's.
        public var timeframe: String?
        /// The first bar fed to the script (earlier bars are not fed at all).
        public var historyFrom: Int64?
        /// Other symbols' data files by ticker, for `request.security`.
        public var symbols: [String: String]
        /// A currency rate file, or a constant rate (1 unit of the strategy's currency in the symbol's).
        public var fx: String?
        public var fxRate: Double?
        /// "off", "real" or "synthetic" (or a distribution's name, meaning synthetic).
        public var magnifierMode: String
        public var magnifierSamples: Int
        public var magnifierDistribution: String
        /// Input values by variable name or title, in the order given (a later one wins).
        public var inputs: [(key: String, value: InputSetting)]
        /// Replacements for `strategy()` properties, as text.
        public var overrides: [String: String]
        public var tradeFrom: Int64?
        public var tradeTo: Int64?

        public init(
            dataPath: String, symbolPath: String? = nil, timeframe: String? = nil, historyFrom: Int64? = nil,
            symbols: [String: String] = [:], fx: String? = nil, fxRate: Double? = nil, magnifierMode: String = "off",
            magnifierSamples: Int = 4, magnifierDistribution: String = "endpoints",
            inputs: [(key: String, value: InputSetting)] = [], overrides: [String: String] = [:], tradeFrom: Int64? = nil,
            tradeTo: Int64? = nil
        ) {
            self.dataPath = dataPath
            self.symbolPath = symbolPath
            self.timeframe = timeframe
            self.historyFrom = historyFrom
            self.symbols = symbols
            self.fx = fx
            self.fxRate = fxRate
            self.magnifierMode = magnifierMode
            self.magnifierSamples = magnifierSamples
            self.magnifierDistribution = magnifierDistribution
            self.inputs = inputs
            self.overrides = overrides
            self.tradeFrom = tradeFrom
            self.tradeTo = tradeTo
        }
    }

    public let program: PineProgram
    /// The bars as loaded (history start and symbol file applied), before aggregation.
    public let market: MarketData
    /// The bars on the script timeframe with the other symbols and the currency decided.
    public let data: PreparedData
    /// The fixed inputs, overrides, trade window and magnifier of every run.
    public let options: RunOptions

    /// Sets up runs of `program` as `request` asks.
    public init(program: PineProgram, request: Request) throws {
        self.program = program
        market = try Self.market(request)
        var prepared = try PreparedData(market: market, scriptTimeframe: request.timeframe)
        try prepared.addSymbols(request.symbols)
        if request.fx != nil && request.fxRate != nil {
            throw SingleRunError.conflictingFlags("give either a rate file (fx) or a constant rate (fx rate), not both")
        }
        if let r = request.fxRate, !(r.isFinite && r > 0) { throw CurrencyError.badRate(String(r)) }
        let rate: FxSource? = try request.fx.map { try FxSource.load(path: $0) } ?? request.fxRate.map { .constant($0) }
        try prepared.setCurrency(strategy: program.isStrategy ? program.declared.currency : nil, rate: rate)
        data = prepared
        let magnifier = try Self.magnifier(request, data: prepared)
        try Self.checkDeclaredMagnifier(program, magnifier: magnifier, data: prepared)
        var inputs: [String: InputValue] = [:]
        for (key, setting) in request.inputs {
            let (spec, value) = try Self.input(key, setting, of: program)
            inputs[spec.name] = value
        }
        try Self.checkWindow(from: request.tradeFrom, to: request.tradeTo, times: prepared.bars.bars.time)
        options = RunOptions(
            inputs: inputs, overrides: request.overrides, tradeFrom: request.tradeFrom, tradeTo: request.tradeTo,
            magnifier: magnifier)
        // Overrides are checked now, not halfway through a run: their values,
        // and what the script refuses when they switch calc_on_order_fills.
        let properties = try program.strategyProperties(overrides: request.overrides)
        if program.isStrategy && properties.calcOnOrderFills {
            if case .synthetic = magnifier {
                throw BacktestError.unsupportedFillRecalculation(FillRecalculation.refusedWithSyntheticMagnifier)
            }
            if !program.strategy.calcOnOrderFills { _ = try program.makeInstance(recalculatingOnFills: true) }
        }
    }

    /// The input `key` names (variable name, or else title) and its checked value.
    public static func input(_ key: String, _ setting: InputSetting, of program: PineProgram) throws -> (InputSpec, InputValue) {
        guard let spec = program.inputs.input(named: key) else {
            throw InputValueError.unknownInput(key, known: program.inputs.map(\.name))
        }
        let value: InputValue
        switch setting {
        case .value(let v): value = v
        case .text(let text): value = try InputValue.parse(text, for: spec)
        }
        try InputValueError.validate(value, for: spec)
        return (spec, value)
    }

    /// `NAME=VALUE` as given to `flag` (`--set`, `--override`), both sides trimmed.
    public static func assignment(_ item: String, flag: String) throws -> (key: String, value: String) {
        guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
            throw SingleRunError.badAssignment(flag: flag, text: item)
        }
        return (
            item[..<eq].trimmingCharacters(in: .whitespaces), item[item.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        )
    }

    /// The bars of the data file from the history start on, with the symbol file's settings.
    public static func market(_ request: Request) throws -> MarketData {
        var market = try MarketData.load(path: request.dataPath)
        if let historyFrom = request.historyFrom { market = try market.startingAt(historyFrom) }
        if let symbolPath = request.symbolPath {
            market = MarketData(
                bars: market.bars, timeframe: market.timeframe, symbol: try SymbolInfo.load(path: symbolPath),
                sourcePath: market.sourcePath, ohlcvPath: market.ohlcvPath, gaps: market.gaps)
        }
        return market
    }

    /// The magnifier `request` names, refused when it needs bars finer than `data` has.
    public static func magnifier(_ request: Request, data: PreparedData) throws -> Magnifier {
        let magnifier = try Magnifier.parse(
            mode: request.magnifierMode, samples: request.magnifierSamples, distribution: request.magnifierDistribution)
        if magnifier == .realBars && !data.bars.hasSubBars { throw RunSetupError.realMagnifierNeedsFinerData }
        return magnifier
    }

    /// Refuses a strategy declared with `use_bar_magnifier = true` run
    /// without a magnifier: TradingView fills its orders along the
    /// lower-timeframe bars inside each chart bar, so filling them on the
    /// chart bars alone would list other trades. The error stands at the
    /// argument and says what to give: the finer data and the real-bar
    /// magnifier, or the declaration changed. A magnifier chosen explicitly
    /// (real or synthetic) is the user's choice and runs.
    static func checkDeclaredMagnifier(_ program: PineProgram, magnifier: Magnifier, data: PreparedData) throws {
        guard program.isStrategy, magnifier == .off, program.declared["use_bar_magnifier"] == .bool(true) else { return }
        let declared = program.declared
        let fix =
            data.bars.hasSubBars
            ? "the data is finer than the script's timeframe: run with --magnifier real (in a sweep, [data] magnifier = \"real\")"
            : "the data has no bars finer than the script's timeframe (\(data.timeframe.map { "\($0)" } ?? "unknown")): "
                + "give finer data with --timeframe set to the script's timeframe and --magnifier real"
        throw CompileError(
            file: program.fileName, range: declared.argumentRanges["use_bar_magnifier"] ?? declared.range,
            message: "use_bar_magnifier = true: TradingView fills this strategy's orders along lower-timeframe bars, "
                + "and without them pfopt's trades would differ from its list; \(fix), "
                + "or set use_bar_magnifier = false to fill orders on the chart's bars")
    }

    /// Refuses a trade window that ends before the first bar, starts after the last, or is empty.
    static func checkWindow(from: Int64?, to: Int64?, times: [Int64]) throws {
        func text(_ ms: Int64) -> String { UTCCalendar.isoString(milliseconds: ms) }
        if let from, let last = times.last, from > last {
            throw SingleRunError.windowOutsideData("it starts at \(text(from)), after the last bar (\(text(last)))")
        }
        if let to, let first = times.first, to <= first {
            throw SingleRunError.windowOutsideData("it ends at \(text(to)), before the first bar (\(text(first)))")
        }
        if let from, let to, to <= from {
            throw SingleRunError.windowOutsideData("its end \(text(to)) is not after its start \(text(from))")
        }
    }
}
