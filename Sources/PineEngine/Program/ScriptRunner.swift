import Foundation
import PFData
import PineLanguage

/// Runs a compiled script over prepared data, again and again with other
/// inputs: the library form of `pfopt run`, and what each sweep worker holds.
/// One runner is one engine instance (not thread-safe).
public final class ScriptRunner {
    public let program: PineProgram
    public let data: PreparedData
    /// Built for the script's declared `calc_on_order_fills`; built again
    /// when a run's overrides change that setting.
    private(set) var instance: ScriptInstance
    let broker: Broker
    /// The bars the script sees under a synthetic magnifier, by its setting.
    private var syntheticViews: [Magnifier: BarStore] = [:]
    /// The view the instance was last pointed at (`.off` for the plain bars).
    private var preparedView: Magnifier?
    private let timezone: TimeZone

    /// How the strategy's money is converted from the symbol's currency.
    public let currency: CurrencyConversion

    /// Pure series shared with other runners of the same program and data
    /// (nil: each run computes its own).
    public let columnCache: ColumnCache?

    /// An engine instance for `program` over `data`. Runners of one sweep
    /// pass the same `columnCache` so that a pure series is computed once
    /// for each distinct value of the inputs it reads.
    public init(program: PineProgram, data: PreparedData, columnCache: ColumnCache? = nil) throws {
        self.program = program
        self.data = data
        self.columnCache = columnCache
        if let decided = data.currency {
            currency = decided
        } else {
            currency = try CurrencyConversion.decide(
                strategy: program.isStrategy ? program.declared.currency : nil, symbol: data.symbolCurrency, rate: nil,
                chart: data.bars.bars, chartTimeframe: data.timeframe)
        }
        instance = try program.makeInstance()
        broker = Broker()
        timezone = TimeZone(identifier: data.timezone) ?? TimeZone(identifier: "UTC") ?? .current
    }

    /// The settings a run uses: the script's properties with the overrides applied.
    public func settings(for options: RunOptions) throws -> BacktestSettings {
        let properties = try program.strategyProperties(overrides: options.overrides)
        var settings = BacktestSettings(
            properties: properties,
            symbol: BrokerSymbol(mintick: data.mintick, pointValue: data.pointValue, lotStep: data.lotStep),
            tradeFrom: options.tradeFrom, tradeTo: options.tradeTo, magnifier: options.magnifier,
            timezone: timezone, barDurationMs: data.barDurationMs > 0 ? data.barDurationMs : nil)
        // The broker books every amount in the strategy's currency.
        settings.currencyFactors = currency.factors
        settings.accountCurrency = currency.strategyCurrency
        return settings
    }

    /// The bars the script reads under `magnifier`: the plain script bars
    /// (`.off`, also for the real-bar magnifier) or a synthetic view.
    private static func viewKey(_ magnifier: Magnifier) -> Magnifier {
        if case .synthetic = magnifier { return magnifier }
        return .off
    }

    /// Resets the instance for a run and points it at the bars the script
    /// sees (re-pointed only when the view changes between runs).
    private func start(_ options: RunOptions, recordPlots: Bool) throws -> BarStore {
        instance.recordsPlots = recordPlots
        try instance.reset(inputs: options.inputs)
        let key = Self.viewKey(options.magnifier)
        let bars = scriptView(for: options.magnifier)
        if preparedView != key {
            instance.prepare(
                bars: bars, mintick: data.mintick, pointValue: data.pointValue, timezone: data.timezone,
                barDurationMs: data.barDurationMs, sessionStarts: data.sessionStarts, symbol: data.symbol,
                timeframe: data.timeframe, security: data.security)
            preparedView = key
        }
        return bars
    }

    /// A run to be stepped bar by bar (`next()` yields each bar and the
    /// trades closed on it; `instance.plots()` the plotted values so far).
    public func session(_ options: RunOptions, recordPlots: Bool = false) throws -> BacktestSession<ScriptInstance> {
        let settings = try settings(for: options)
        if settings.properties.calcOnOrderFills != instance.recalculatesOnFills {
            instance = try program.makeInstance(recalculatingOnFills: settings.properties.calcOnOrderFills)
            preparedView = nil
        }
        let view = try start(options, recordPlots: recordPlots)
        try instance.computeColumns(cache: columnCache, view: Self.viewKey(options.magnifier))
        return try BacktestSession(
            bars: data.bars, settings: settings, script: instance, broker: broker, syntheticView: view)
    }

    /// An indicator needs no broker: its series are computed and plotted
    /// without the order-filling bar loop. The report is empty but for the
    /// bar count.
    private func runIndicator(_ options: RunOptions, recordPlots: Bool) throws -> RunResult {
        let bars = try start(options, recordPlots: recordPlots)
        try instance.computeColumns(cache: columnCache, view: Self.viewKey(options.magnifier))
        try instance.runIndicator(bars: bars.count)
        var counters = BacktestCounters()
        counters.scriptBarsProcessed = bars.count
        let capital = program.strategy.initialCapital
        let report = BacktestReport(
            trades: [], openTrades: [], equityCurve: EquityCurve(), counters: counters,
            metrics: Metrics(all: TradeStats(), longs: TradeStats(), shorts: TradeStats(), equity: EquityStats()),
            initialCapital: capital)
        let columns = recordPlots ? instance.plots() : []
        return RunResult(
            report: report, plots: zip(instance.plotTitles, columns).map { ($0, $1) },
            plotTimes: recordPlots ? Array(bars.time.prefix(columns.first?.count ?? 0)) : [])
    }

    /// The bars the script reads: the script bars, or under a synthetic
    /// magnifier the bars built from their samples (made once per setting).
    private func scriptView(for magnifier: Magnifier) -> BarStore {
        guard case .synthetic(let n, let distribution) = magnifier else { return data.bars.bars }
        if let view = syntheticViews[magnifier] { return view }
        let view = data.bars.bars.syntheticScriptView(samples: n, distribution: distribution)
        syntheticViews[magnifier] = view
        return view
    }

    /// Runs to the end and returns the report (and the plots when asked).
    public func run(
        _ options: RunOptions, recordPlots: Bool = false, onProgress: ((Int, Int) -> Void)? = nil
    ) throws -> RunResult {
        if !program.isStrategy { return try runIndicator(options, recordPlots: recordPlots) }
        let s = try session(options, recordPlots: recordPlots)
        var report: BacktestReport
        do {
            report = try s.run(onProgress: onProgress)
        } catch BacktestError.undefinedMarginCall(let bar, let time, let setting, let why) {
            // Located at the margin setting in strategy(), or at strategy() when it is not written.
            let at = (program.declared.argumentRanges[setting] ?? program.declared.range).start
            throw ScriptRuntimeError(
                file: program.fileName, line: at.line, column: at.column, message: "margin call: " + why, barIndex: bar,
                barTime: time)
        }
        report.currency = currency.summary
        let columns = recordPlots ? instance.plots() : []
        let count = columns.first?.count ?? 0
        return RunResult(
            report: report,
            plots: zip(instance.plotTitles, columns).map { ($0, $1) },
            plotTimes: recordPlots ? Array(data.bars.bars.time.prefix(count)) : [])
    }
}
