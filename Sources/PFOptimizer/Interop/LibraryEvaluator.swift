import CPFABI
import Foundation
import PFData
import PineEngine
import PineLanguage

/// Adapts a strategy library (C ABI version 2) to `BacktestEvaluator`: the
/// data is loaded once into one read-only `pf_bar_t` array that every worker
/// passes to its own handle, and each report becomes a run summary, so
/// sweeps, filters, the leaderboard, resume and walk-forward work as with a
/// Pine script.
///
/// A library exposes no input list. For a library made by `pfopt export` the
/// embedded script gives the inputs exactly; for any other library they are
/// the config's `[params]` and `[strategy.inputs]` keys, set by title.
public struct LibraryEvaluator: BacktestEvaluator {
    public let inputs: [InputSpec]
    public let barTimes: [Int64]
    public let barCloses: [Double]
    public let priceTick: Double
    /// The starting capital of every run when the library carries its script
    /// (the declared one with the overrides); nil: read from each report.
    let initialCapital: Double?
    public let library: StrategyLibrary
    let bars: BarArray
    let call: LibraryCall
    let configJSON: String
    let overrides: [(String, String)]
    let fixedInputs: [String: InputValue]
    let tradeFrom: Int64?
    let tradeTo: Int64?

    /// `declared`: the inputs the config names, used when the library does not carry its script.
    public init(setup: EngineSetup, libraryPath: String, declared: [InputSpec]) throws {
        library = try StrategyLibrary(path: libraryPath)
        if library.isPFOpt, let payload = try ExportPayload.read(fromFileAt: libraryPath) {
            let program = try PineProgram.compile(source: payload.source, fileName: payload.fileName)
            inputs = program.inputs
            initialCapital = try program.strategyProperties(
                overrides: setup.overrides.mapValues(\.description)).initialCapital
        } else {
            inputs = declared
            initialCapital = nil
        }
        if setup.fx != nil || setup.fxRate != nil || !setup.symbols.isEmpty {
            throw LibraryError.refused(
                libraryPath, "a strategy library takes one symbol's bars in its own currency: remove fx, fx_rate and [data.symbols]")
        }
        let request = setup.runRequest()
        let market = try RunSetup.market(request)
        let data = try PreparedData(market: market, scriptTimeframe: setup.timeframe)
        barTimes = data.bars.bars.time
        barCloses = data.bars.bars.close
        priceTick = data.mintick
        let magnifier = try RunSetup.magnifier(request, data: data)
        let scriptTF = data.timeframe?.description ?? market.timeframe?.description ?? ""
        switch magnifier {
        case .synthetic(let samples, let distribution):
            // The samples spread each script bar: pass the script bars themselves.
            bars = BarArray(data.bars.bars)
            call = LibraryCall(
                inputTimeframe: scriptTF, scriptTimeframe: scriptTF, magnifier: 1, samples: Int32(samples),
                distribution: Int32(distribution.rawValue))
        case .realBars, .off:
            bars = BarArray(market.bars)
            call = LibraryCall(
                inputTimeframe: market.timeframe?.description ?? "", scriptTimeframe: scriptTF,
                magnifier: magnifier == .off ? 0 : 1, samples: 4, distribution: Int32(MagnifierDistribution.endpoints.rawValue))
        }
        if library.isPFOpt {
            let candidates = [setup.symbolPath].compactMap { $0 }
                + [SymbolInfo.tomlPath(forDataFile: setup.dataPath), SymbolInfo.tomlPath(forDataFile: market.ohlcvPath)]
            let file = candidates.first { FileManager.default.fileExists(atPath: $0) }
            configJSON = Self.symbolJSON(market.symbol, file: file)
        } else {
            configJSON = "{}"
            if setup.tradeFrom != nil || setup.tradeTo != nil { throw LibraryError.noTradeWindow(libraryPath) }
        }
        overrides = setup.overrides.sorted { $0.key < $1.key }.map { ($0.key, $0.value.description) }
        fixedInputs = setup.fixedInputs
        tradeFrom = setup.tradeFrom
        tradeTo = setup.tradeTo
        // One handle now: a library that cannot create one, or refuses an
        // override, stops the sweep before it starts.
        let probe = try LibraryWorker(evaluator: self)
        if let problem = probe.settingError() { throw LibraryError.refused(libraryPath, problem) }
    }

    public func makeWorker() throws -> any BacktestWorker {
        try LibraryWorker(evaluator: self)
    }

    /// The symbol a pfopt library needs to run as `pfopt run` would on the same data.
    static func symbolJSON(_ symbol: SymbolInfo, file: String?) -> String {
        func quoted(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var parts = [
            "\"mintick\": \(symbol.mintick)", "\"pointvalue\": \(symbol.pointvalue)", "\"timezone\": \(quoted(symbol.timezone))",
        ]
        if let file { parts.insert("\"symbol\": \(quoted(file))", at: 0) }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    /// The inputs a config names, as input declarations for a library that
    /// carries no script: the kind follows the values the config gives.
    public static func declaredInputs(params: [ParamDefinition], fixed: [(key: String, value: ConfigValue)]) -> [InputSpec] {
        func kind(_ v: ConfigValue?) -> (InputSpec.Kind, InputValue) {
            switch v {
            case .int(let i): return (.int, .int(i))
            case .float(let d): return (.float, .float(d))
            case .bool(let b): return (.bool, .bool(b))
            case .string(let s), .datetime(let s): return (.string, .string(s))
            default: return (.string, .string(""))
            }
        }
        var out: [InputSpec] = []
        let zero = SourceLocation(line: 0, column: 0, offset: 0)
        for p in params {
            let first: ConfigValue?
            switch p.domain {
            case .values(let items):
                // A list mixing whole and fractional numbers is a float input.
                let anyFloat = items.contains { if case .float = $0 { return true } else { return false } }
                first = anyFloat ? items.first.flatMap { $0.numeric.map(ConfigValue.float) } : items.first
            case .range(let from, let to, _, _):
                if case .float = to { first = from.numeric.map(ConfigValue.float) } else { first = from }
            }
            let (k, v) = kind(first)
            out.append(InputSpec(name: p.key, title: p.key, kind: k, defaultValue: v, range: SourceRange(start: zero, end: zero)))
        }
        for f in fixed where !out.contains(where: { $0.name == f.key }) {
            let (k, v) = kind(f.value)
            out.append(InputSpec(name: f.key, title: f.key, kind: k, defaultValue: v, range: SourceRange(start: zero, end: zero)))
        }
        return out
    }
}
