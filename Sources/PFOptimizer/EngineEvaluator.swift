import Foundation
import PFData
import PineEngine
import PineLanguage

/// Adapts pfopt's engine to `BacktestEvaluator`: the script is compiled and
/// the data loaded and aggregated once; each worker holds one engine
/// instance (a `ScriptRunner`) that reads the shared bars without copying.
public struct EngineEvaluator: BacktestEvaluator {
    public let inputs: [InputSpec]
    public let barTimes: [Int64]
    public let program: PineProgram
    public let data: PreparedData
    let baseOptions: RunOptions
    /// Pure series shared by every worker's instance (see `ColumnCache`).
    let columnCache = ColumnCache()

    public init(setup: EngineSetup) throws {
        let source = try ScriptFile.read(setup.scriptPath)
        // A compile failure reaches the command as is: its lines keep the
        // compiler's file:line:col style with the source line and caret.
        program = try PineProgram.compile(source: source, fileName: setup.scriptPath)
        guard program.isStrategy else { throw EngineEvaluatorError.notAStrategy(setup.scriptPath) }
        let run = try RunSetup(
            program: program,
            request: setup.runRequest(inputs: setup.fixedInputs.sorted { $0.key < $1.key }.map { ($0.key, .value($0.value)) }))
        data = run.data
        inputs = program.inputs
        barTimes = data.bars.bars.time
        baseOptions = run.options
    }

    public var barCloses: [Double] { data.bars.bars.close }
    public var priceTick: Double { data.mintick }

    public func makeWorker() throws -> any BacktestWorker {
        EngineWorker(
            runner: try ScriptRunner(program: program, data: data, columnCache: columnCache), base: baseOptions,
            tick: data.mintick)
    }
}

/// One pool thread's engine instance.
final class EngineWorker: BacktestWorker {
    let runner: ScriptRunner
    let base: RunOptions
    /// The symbol's price tick (trade prices in trades.csv are rounded to it).
    let tick: Double

    init(runner: ScriptRunner, base: RunOptions, tick: Double) {
        self.runner = runner
        self.base = base
        self.tick = tick
    }

    private func options(_ request: RunRequest) -> RunOptions {
        var o = base
        for (k, v) in request.inputs { o.inputs[k] = v }
        if let from = request.tradeFrom { o.tradeFrom = max(from, o.tradeFrom ?? from) }
        if let to = request.tradeTo { o.tradeTo = min(to, o.tradeTo ?? to) }
        return o
    }

    func run(_ request: RunRequest) -> RunOutcome {
        do {
            let o = options(request)
            let result = try runner.run(o)
            return RunOutcome(status: .ok, metrics: result.report.flatMetrics, returns: returns(result, o, request))
        } catch {
            return RunOutcome(status: .failed("\(error)"), metrics: [])
        }
    }

    func runDetailed(_ request: RunRequest, writingTo directory: String) throws -> RunOutcome {
        let o = options(request)
        let result = try runner.run(o, recordPlots: true)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try RunArtifacts.write(result, to: directory, tick: tick)
        return RunOutcome(status: .ok, metrics: result.report.flatMetrics, returns: returns(result, o, request))
    }

    private func returns(_ result: RunResult, _ o: RunOptions, _ request: RunRequest) -> [Float] {
        guard let period = request.returnPeriod else { return [] }
        let curve = result.report.equityCurve
        // The curve's times are the script's bar times, oldest first.
        return PeriodReturns.compute(
            time: curve.time, equity: curve.equity, initialEquity: result.report.initialCapital, period: period,
            from: o.tradeFrom, to: o.tradeTo, timesAscending: true)
    }
}

/// Errors setting up the engine for a sweep.
public enum EngineEvaluatorError: Error, CustomStringConvertible {
    case unreadableScript(String)
    case notAStrategy(String)

    public var description: String {
        switch self {
        case .unreadableScript(let p): return "\(p): cannot read the strategy file"
        case .notAStrategy(let p): return "\(p): the script is an indicator, not a strategy: a sweep needs strategy(...)"
        }
    }
}

extension EngineSetup {
    /// The run setup of this sweep's data, magnifier, trade window and overrides, with `inputs` fixed.
    func runRequest(inputs: [(key: String, value: RunSetup.InputSetting)] = []) -> RunSetup.Request {
        RunSetup.Request(
            dataPath: dataPath, symbolPath: symbolPath, timeframe: timeframe, historyFrom: historyFrom, symbols: symbols,
            fx: fx, fxRate: fxRate, magnifierMode: magnifierMode, magnifierSamples: magnifierSamples,
            magnifierDistribution: magnifierDistribution, inputs: inputs, overrides: overrides.mapValues(\.description),
            tradeFrom: tradeFrom, tradeTo: tradeTo)
    }
}
