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
        var market = try MarketData.load(path: request.dataPath)
        if let symbolPath = request.symbolPath {
            market = MarketData(
                bars: market.bars, timeframe: market.timeframe, symbol: try SymbolInfo.load(path: symbolPath),
                sourcePath: market.sourcePath, ohlcvPath: market.ohlcvPath, gaps: market.gaps)
        }
        if let historyFrom = request.historyFrom {
            market = try market.startingAt(try TimeParsing.parse(historyFrom, timezone: nil))
        }
        self.market = market
        var prepared = try PreparedData(market: market, scriptTimeframe: request.timeframe)
        var symbols: [String: String] = [:]
        for item in request.symbolData {
            let (ticker, file) = try Self.split(item, flag: "--symbol-data")
            symbols[ticker] = file
        }
        try prepared.addSymbols(symbols)
        if request.fx != nil && request.fxRate != nil {
            throw SingleRunError.conflictingFlags("give either --fx FILE or --fx-rate RATE, not both")
        }
        if let r = request.fxRate, !(r.isFinite && r > 0) {
            throw CurrencyError.badRate(String(r))
        }
        let rate: FxSource? = try request.fx.map { try FxSource.load(path: $0) } ?? request.fxRate.map { .constant($0) }
        try prepared.setCurrency(strategy: program.isStrategy ? program.declared.currency : nil, rate: rate)
        data = prepared
        // `--magnifier synthetic` takes the endpoints distribution, the one comparable with
        // TradingView; a distribution named as the mode (`cosine`) is that distribution.
        let magnifier = try Magnifier.parse(mode: request.magnifier, samples: request.samples, distribution: "endpoints")
        if magnifier == .realBars && !data.bars.hasSubBars { throw RunSetupError.realMagnifierNeedsFinerData }

        var inputs: [String: InputValue] = [:]
        for item in request.sets {
            let (key, text) = try Self.split(item, flag: "--set")
            guard let spec = program.inputs.first(where: { $0.name == key }) ?? program.inputs.first(where: { $0.title == key }) else {
                throw InputValueError.unknownInput(key, known: program.inputs.map(\.name))
            }
            let value = try InputValue.parse(text, for: spec)
            try InputValueError.validate(value, for: spec)
            inputs[spec.name] = value
        }
        var overrides: [String: String] = [:]
        for item in request.overrides {
            let (key, value) = try Self.split(item, flag: "--override")
            overrides[key] = value
        }
        let times = data.bars.bars.time
        let from = try request.tradeFrom.map { try TimeParsing.parse($0, timezone: nil) }
        let to = try request.tradeTo.map { try TimeParsing.parse($0, timezone: nil) }
        if let from, let last = times.last, from > last {
            throw SingleRunError.windowOutsideData("--trade-from \(request.tradeFrom ?? "") is after the last bar")
        }
        if let to, let first = times.first, to <= first {
            throw SingleRunError.windowOutsideData("--trade-to \(request.tradeTo ?? "") is before the first bar")
        }
        if let from, let to, to <= from {
            throw SingleRunError.windowOutsideData("--trade-to must be after --trade-from")
        }
        options = RunOptions(inputs: inputs, overrides: overrides, tradeFrom: from, tradeTo: to, magnifier: magnifier)
        // Overrides are checked now, not halfway through a run.
        _ = try program.strategyProperties(overrides: overrides)
    }

    /// Runs the backtest, recording plots.
    public func run(onProgress: ((Int, Int) -> Void)? = nil) throws -> RunResult {
        let runner = try ScriptRunner(program: program, data: data)
        return try runner.run(options, recordPlots: true, onProgress: onProgress)
    }

    static func split(_ item: String, flag: String) throws -> (String, String) {
        guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
            throw SingleRunError.badAssignment(flag: flag, text: item)
        }
        return (String(item[..<eq]).trimmingCharacters(in: .whitespaces), String(item[item.index(after: eq)...]).trimmingCharacters(in: .whitespaces))
    }
}

/// Problems with a `pfopt run` request.
public enum SingleRunError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(String)
    case badAssignment(flag: String, text: String)
    case windowOutsideData(String)
    case conflictingFlags(String)

    public var description: String {
        switch self {
        case .unreadable(let p): return "\(p): cannot read the strategy file"
        case .badAssignment(let flag, let text): return "\(flag) expects NAME=VALUE, got '\(text)'"
        case .windowOutsideData(let detail): return "the trade window lies outside the data: \(detail)"
        case .conflictingFlags(let detail): return detail
        }
    }
}

extension InputValue {
    /// Reads a value written as text (`--set fast=12`) as the input's type.
    public static func parse(_ text: String, for spec: InputSpec) throws(InputValueError) -> InputValue {
        switch spec.kind {
        case .int, .time:
            if let v = Int(text) { return .int(v) }
            if let d = Double(text), d == d.rounded(), abs(d) < 1e15 { return .int(Int(d)) }
            throw .wrongType(spec.name, expected: "a whole number", got: .string(text))
        case .float, .price:
            guard let v = Double(text), v.isFinite else { throw .wrongType(spec.name, expected: "a number", got: .string(text)) }
            return .float(v)
        case .bool:
            switch text.lowercased() {
            case "true", "yes", "1", "on": return .bool(true)
            case "false", "no", "0", "off": return .bool(false)
            default: throw .wrongType(spec.name, expected: "true or false", got: .string(text))
            }
        default:
            return .string(text)
        }
    }
}
