import Foundation
import PFData
import PineEngine
import PineLanguage

/// `pfopt run --library`: one backtest through a strategy library, with the
/// same data, timeframe and magnifier options as a script run.
public struct LibraryRun {
    public let evaluator: LibraryEvaluator
    let request: RunRequest

    /// `sets` are `TITLE=VALUE` inputs, `overrides` `KEY=VALUE` strategy properties.
    public init(
        libraryPath: String, dataPath: String, symbolPath: String?, timeframe: String?, sets: [String],
        overrides: [String], magnifier: String, samples: Int, tradeFrom: String?, tradeTo: String?
    ) throws {
        var inputs: [String: InputValue] = [:]
        var declared: [InputSpec] = []
        let zero = SourceLocation(line: 0, column: 0, offset: 0)
        for item in sets {
            let (key, text) = try RunSetup.assignment(item, flag: "--set")
            inputs[key] = .string(text)
            declared.append(
                InputSpec(name: key, title: key, kind: .string, defaultValue: .string(text), range: SourceRange(start: zero, end: zero)))
        }
        var properties: [String: InputValue] = [:]
        for item in overrides {
            let (key, text) = try RunSetup.assignment(item, flag: "--override")
            properties[key] = .string(text)
        }
        let from = try tradeFrom.map { try TimeParsing.parse($0, timezone: nil) }
        let to = try tradeTo.map { try TimeParsing.parse($0, timezone: nil) }
        let setup = EngineSetup(
            scriptPath: libraryPath, overrides: properties, dataPath: dataPath, symbolPath: symbolPath,
            timeframe: timeframe, tradeFrom: from, tradeTo: to, magnifierMode: magnifier == "off" || magnifier == "real" ? magnifier : "synthetic",
            magnifierSamples: samples, magnifierDistribution: magnifier, libraryPath: libraryPath, declaredInputs: declared)
        evaluator = try LibraryEvaluator(setup: setup, libraryPath: libraryPath, declared: declared)
        // A pfopt library knows its inputs: name them as its script does.
        var byName: [String: InputValue] = [:]
        for (key, value) in inputs {
            let spec = evaluator.inputs.first { $0.title == key } ?? evaluator.inputs.first { $0.name == key }
            byName[spec?.name ?? key] = value
        }
        request = RunRequest(runIndex: 0, inputs: byName)
    }

    /// Runs the backtest and returns its metrics; with `directory`, writes
    /// trades.csv, equity.csv and metrics.json there.
    public func run(writingTo directory: String?) throws -> RunOutcome {
        let worker = try evaluator.makeWorker()
        if let directory { return try worker.runDetailed(request, writingTo: directory) }
        let outcome = worker.run(request)
        if case .failed(let message) = outcome.status { throw LibraryError.refused(evaluator.library.path, message) }
        return outcome
    }
}
