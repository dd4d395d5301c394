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
