import PineLanguage

/// What a sweep needs from a backtest engine. The optimizer is written against
/// this protocol; `EngineEvaluator` adapts pfopt's own engine to it, and tests
/// may supply their own.
public protocol BacktestEvaluator: Sendable {
    /// The inputs the strategy declares, in source order (validates `[params]`).
    var inputs: [InputSpec] { get }
    /// Open times (Unix ms) of the script bars the engine runs over, ascending.
    /// Walk-forward folds are cut on these.
    var barTimes: [Int64] { get }
    /// Makes one worker; the pool makes one per thread and reuses it for many runs.
    func makeWorker() throws -> any BacktestWorker
    /// Close prices of the bars in `barTimes` (for the buy-and-hold curve; may be empty).
    var barCloses: [Double] { get }
    /// The symbol's price tick (prices in reports are rounded to it; 0: unknown).
    var priceTick: Double { get }
}

extension BacktestEvaluator {
    public var barCloses: [Double] { [] }
    public var priceTick: Double { 0 }
}

/// One engine instance, owned by one pool thread at a time.
public protocol BacktestWorker: AnyObject {
    /// Runs one backtest and returns its summary. A runtime error inside the
    /// script is a `.failed` outcome, never a thrown error or a crash.
    func run(_ request: RunRequest) -> RunOutcome
    /// Runs one backtest and writes its full detail (trades.csv, equity.csv,
    /// metrics.json, plots.csv) into `directory`.
    func runDetailed(_ request: RunRequest, writingTo directory: String) throws -> RunOutcome
}

/// The parameters of one run.
public struct RunRequest: Sendable, Hashable {
    /// The run's index in the plan (stable across job counts).
    public var runIndex: Int
    /// Input values by the input's variable name (fixed inputs included);
    /// inputs not named keep the script's default.
    public var inputs: [String: InputValue]
    /// Orders take effect only from this time (Unix ms), the engine still
    /// warms up on every earlier bar; nil: from the first bar.
    public var tradeFrom: Int64?
    /// Orders take effect only before this time (Unix ms); nil: to the end.
    public var tradeTo: Int64?
    /// When set, the outcome carries the equity curve's returns over
    /// periods of this length (ms, see `PeriodReturns`); nil: none.
    public var returnPeriod: Int64?

    public init(
        runIndex: Int, inputs: [String: InputValue], tradeFrom: Int64? = nil, tradeTo: Int64? = nil,
        returnPeriod: Int64? = nil
    ) {
        self.runIndex = runIndex
        self.inputs = inputs
        self.tradeFrom = tradeFrom
        self.tradeTo = tradeTo
        self.returnPeriod = returnPeriod
    }
}

/// The summary of one run.
public struct RunOutcome: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case ok
        /// The script failed at run time; the message names its line and the bar.
        case failed(String)
    }

    public var status: Status
    /// One value per `MetricCatalog.flatNames` entry, NaN where undefined
    /// (empty for a failed run).
    public var metrics: [Double]
    /// The period returns the request asked for (empty otherwise).
    public var returns: [Float]

    public init(status: Status, metrics: [Double], returns: [Float] = []) {
        self.status = status
        self.metrics = metrics
        self.returns = returns
    }
}

/// Everything the engine needs to set up a sweep's evaluator, decoded from a
/// config by the optimizer. Paths are absolute or relative to the working
/// directory (the config loader resolves them against the config file).
public struct EngineSetup: Sendable, Hashable {
    public var scriptPath: String
    /// Input values fixed for every run, by variable name or title.
    public var fixedInputs: [String: InputValue]
    /// Replacements for `strategy()` properties (initial_capital, commission_type, ...).
    public var overrides: [String: InputValue]
    public var dataPath: String
    public var symbolPath: String?
    /// The script timeframe as a TradingView string ("60"); nil: the data's.
    public var timeframe: String?
    /// The trade window of every run (Unix ms); nil: unbounded.
    public var tradeFrom: Int64?
    /// The first bar fed (Unix ms): earlier bars are not fed at all.
    public var historyFrom: Int64?
    public var tradeTo: Int64?
    /// "off", "real" or "synthetic".
    public var magnifierMode: String
    public var magnifierSamples: Int
    /// uniform, cosine, triangle, endpoints, front_loaded, back_loaded.
    public var magnifierDistribution: String
    /// A currency rate file, or a constant rate (1 unit of the strategy's currency in the symbol's).
    public var fx: String?
    public var fxRate: Double?
    /// Other symbols' data files by ticker, for `request.security`.
    public var symbols: [String: String]
    /// A strategy library to run instead of the script (see `LibraryEvaluator`).
    public var libraryPath: String?
    /// The inputs the config names, for a library that does not carry its script.
    public var declaredInputs: [InputSpec]

    public init(
        scriptPath: String, fixedInputs: [String: InputValue] = [:],
        overrides: [String: InputValue] = [:], dataPath: String, symbolPath: String? = nil,
        timeframe: String? = nil, tradeFrom: Int64? = nil, historyFrom: Int64? = nil, tradeTo: Int64? = nil,
        magnifierMode: String = "off", magnifierSamples: Int = 4,
        magnifierDistribution: String = "endpoints", fx: String? = nil, fxRate: Double? = nil,
        symbols: [String: String] = [:],
        libraryPath: String? = nil, declaredInputs: [InputSpec] = []
    ) {
        self.fx = fx
        self.fxRate = fxRate
        self.symbols = symbols
        self.scriptPath = scriptPath
        self.fixedInputs = fixedInputs
        self.overrides = overrides
        self.dataPath = dataPath
        self.symbolPath = symbolPath
        self.timeframe = timeframe
        self.tradeFrom = tradeFrom
        self.historyFrom = historyFrom
        self.tradeTo = tradeTo
        self.magnifierMode = magnifierMode
        self.magnifierSamples = magnifierSamples
        self.magnifierDistribution = magnifierDistribution
        self.libraryPath = libraryPath
        self.declaredInputs = declaredInputs
    }
}
