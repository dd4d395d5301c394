import PineLanguage

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
