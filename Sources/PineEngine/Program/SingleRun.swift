import Foundation
import PFData
import PineLanguage

/// One backtest as `pfopt run` describes it: everything is resolved and
/// validated here (inputs, overrides, magnifier, trade window) so bad input
/// is reported before anything runs. The CLI only parses flags.
public struct SingleRun {
    public let program: PineProgram
    public let data: PreparedData
    public let options: RunOptions
    public let market: MarketData

    /// Settings of a run given as text, as on the command line.
    public struct Request: Sendable {
        public var scriptPath: String
        public var dataPath: String
        public var symbolPath: String?
        public var timeframe: String?
        /// `NAME=VALUE` input settings (name or title).
        public var sets: [String]
        /// `KEY=VALUE` strategy property overrides.
        public var overrides: [String]
        public var magnifier: String
        public var samples: Int
        public var tradeFrom: String?
        /// The first bar fed to the script (earlier bars are not fed at all).
        public var historyFrom: String? = nil
        public var tradeTo: String?
        /// A currency rate file, or a constant rate (1 unit of the strategy's currency in the symbol's).
        public var fx: String?
        public var fxRate: Double?
        /// `TICKER=FILE`: other symbols' data for `request.security`.
        public var symbolData: [String]

        public init(
            scriptPath: String, dataPath: String, symbolPath: String? = nil, timeframe: String? = nil,
            sets: [String] = [], overrides: [String] = [], magnifier: String = "off", samples: Int = 4,
            tradeFrom: String? = nil, tradeTo: String? = nil, fx: String? = nil, fxRate: Double? = nil,
            symbolData: [String] = [], historyFrom: String? = nil
        ) {
            self.historyFrom = historyFrom
            self.fx = fx
            self.fxRate = fxRate
            self.symbolData = symbolData
            self.scriptPath = scriptPath
            self.dataPath = dataPath
            self.symbolPath = symbolPath
            self.timeframe = timeframe
            self.sets = sets
            self.overrides = overrides
            self.magnifier = magnifier
            self.samples = samples
            self.tradeFrom = tradeFrom
            self.tradeTo = tradeTo
        }
    }

    public init(_ request: Request) throws {
        let source = try ScriptFile.read(request.scriptPath)
        program = try PineProgram.compile(source: source, fileName: request.scriptPath)
        var symbols: [String: String] = [:]
        for item in request.symbolData {
            let (ticker, file) = try RunSetup.assignment(item, flag: "--symbol-data")
            symbols[ticker] = file
        }
        var overrides: [String: String] = [:]
        for item in request.overrides {
            let (key, value) = try RunSetup.assignment(item, flag: "--override")
            overrides[key] = value
        }
        let inputs = try request.sets.map { item in
            let (key, text) = try RunSetup.assignment(item, flag: "--set")
            return (key: key, value: RunSetup.InputSetting.text(text))
        }
        if request.fx != nil && request.fxRate != nil {
            throw SingleRunError.conflictingFlags("give either --fx FILE or --fx-rate RATE, not both")
        }
        // `--magnifier synthetic` takes the endpoints distribution, the one comparable with
        // TradingView; a distribution named as the mode (`cosine`) is that distribution.
        let setup = try RunSetup(
            program: program,
            request: RunSetup.Request(
                dataPath: request.dataPath, symbolPath: request.symbolPath, timeframe: request.timeframe,
                historyFrom: try request.historyFrom.map { try TimeParsing.parse($0, timezone: nil) }, symbols: symbols,
                fx: request.fx, fxRate: request.fxRate, magnifierMode: request.magnifier,
                magnifierSamples: request.samples, magnifierDistribution: "endpoints", inputs: inputs,
                overrides: overrides, tradeFrom: try request.tradeFrom.map { try TimeParsing.parse($0, timezone: nil) },
                tradeTo: try request.tradeTo.map { try TimeParsing.parse($0, timezone: nil) }))
        market = setup.market
        data = setup.data
        options = setup.options
    }

    /// Runs the backtest, recording plots.
    public func run(onProgress: ((Int, Int) -> Void)? = nil) throws -> RunResult {
        let runner = try ScriptRunner(program: program, data: data)
        return try runner.run(options, recordPlots: true, onProgress: onProgress)
    }
}
