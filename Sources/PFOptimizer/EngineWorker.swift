import Foundation
import PFData
import PineEngine
import PineLanguage

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
