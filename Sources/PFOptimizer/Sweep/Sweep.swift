import Foundation
import PineEngine
import PineLanguage

/// A parameter sweep: validates a config against the strategy's inputs,
/// runs the plan on a worker pool, and writes runs.csv, leaderboard.csv,
/// best/ and manifest.json under the output directory. Resumable.
public final class Sweep: Sendable {
    public let config: SweepConfig
    public let evaluator: any BacktestEvaluator
    public let space: ParameterSpace
    public let planner: Planner
    public let objective: Objective

    /// Checks the config against the evaluator's strategy (inputs, types,
    /// bounds, expressions); nothing runs yet.
    public init(config: SweepConfig, evaluator: any BacktestEvaluator) throws(ConfigError) {
        self.config = config
        self.evaluator = evaluator
        space = try ParameterSpace(config: config, inputs: evaluator.inputs)
        planner = try Planner(config: config, space: space)
        objective = try Objective(config: config, space: space)
    }

    /// The files a sweep writes (removed when starting afresh).
    static let outputs = ["runs.csv", "leaderboard.csv", "best", "manifest.json", "robustness.json", "report.html"]
    static let journalName = "journal.tsv"

    /// Runs the sweep.
    public func run(_ options: SweepOptions = SweepOptions()) throws(SweepError) -> SweepSummary {
        let start = Date()
        let dir = options.shard?.directory(in: config.output.directory) ?? config.output.directory
        try GridSizeGuard.check(planner, total: planner.plannedCount, confirmed: options.confirmLargeGrid)
        let folder = try ResultsFolder(
            dir, command: "sweep", config: config, sections: ["strategy", "data", "search", "params"], outputs: Self.outputs,
            runs: "runs", options: options)
        defer { folder.lock.release() }
        let (journal, configHash, dataHash) = (folder.journal, folder.configHash, folder.dataHash)
        var notes = folder.notes

        let collector = try SegmentCollector(
            objective: objective, space: space, top: config.output.top, runsPath: dir + "/runs.csv",
            robustness: options.robustness != nil)
        let sampler = options.robustness.map {
            ReturnSampler(period: $0.period, capacity: $0.sampleCapacity, planned: planner.plannedCount, seed: $0.seed)
        }
        let segment = PlanSegment(
            id: 0, planner: planner, tradeFrom: config.data.from, tradeTo: config.data.to, collector: collector,
            returnSampler: sampler, shard: options.shard)
        let scheduler = RunScheduler(
            segments: [segment], journal: journal, cancellation: options.cancellation, window: 64 * options.jobs,
            journalOnly: options.merge)
        let planned = options.shard.map { (planner.plannedCount + $0.count - 1 - $0.index) / $0.count } ?? planner.plannedCount
        let poolNote = WorkerPool.run(scheduler, evaluator: evaluator, jobs: options.jobs) {
            guard let progress = options.progress else { return }
            let s = scheduler.snapshot()
            progress(SweepProgress(
                planned: planned, examined: s.examined, fresh: s.fresh, reused: s.reused, failed: s.failed,
                elapsed: Date().timeIntervalSince(start), best: s.best, phase: "", finished: false))
        }
        if let error = scheduler.error { throw error }
        if let poolNote { notes.append(poolNote) }
        try collector.flush()
        let interrupted = !scheduler.isComplete
        let snap = scheduler.snapshot()

        let table = collector.table
        let ranked = collector.leaderboard.ranked
        var winnerReturns = ranked.first?.record.returns ?? []
        if interrupted {
            notes.append("stopped early: run the same command again to resume")
        } else if options.writeBest && options.shard == nil, let best = ranked.first {
            let rerun = writeBest(best, to: dir + "/best", returnPeriod: options.robustness?.period)
            if let note = rerun.note { notes.append(note) }
            if winnerReturns.isEmpty { winnerReturns = rerun.returns }
        }
        var deflation: DeflatedSharpe? = nil
        // A shard's runs are a part of the plan: the robustness figures are the merge's to compute.
        if !interrupted, options.shard == nil, let settings = options.robustness, let sampler,
            let robust = collector.robustness
        {
            let report = RobustnessReport(
                settings: settings, sampler: sampler, collector: robust, winner: ranked.first,
                winnerReturns: winnerReturns, maximize: objective.maximize, rankBy: config.objective.rankBy,
                bestDirectory: dir + "/best", barTimes: evaluator.barTimes, closes: evaluator.barCloses,
                tradeFrom: config.data.from, tradeTo: config.data.to)
            deflation = report.deflatedSharpe
            try OutputDirectory.write(report.json().render() + "\n", to: dir + "/robustness.json")
        }
        var board = table.leaderboardHeader
        for (i, entry) in ranked.enumerated() {
            board += table.leaderboardRow(rank: i + 1, entry, deflatedSharpe: deflation?.probability(of: entry.record.returns))
        }
        try OutputDirectory.write(board, to: dir + "/leaderboard.csv")
        let wall = Date().timeIntervalSince(start)
        var summary = SweepSummary(
            outputDirectory: dir, planned: planned, examined: segment.iterator.examined,
            skippedByConstraints: segment.iterator.skippedByConstraints,
            skippedDuplicates: segment.iterator.skippedDuplicates,
            // A merge reports the shards' runs as run: the counts of one machine's sweep.
            ran: options.merge ? snap.fresh + snap.reused : snap.fresh, reused: options.merge ? 0 : snap.reused,
            failed: collector.failed, passed: collector.passed, filteredOut: collector.completed - collector.failed - collector.passed,
            firstFailure: collector.firstFailure, wallSeconds: wall,
            runsPerSecond: wall > 0 && !options.merge ? Double(snap.fresh) / wall : 0, interrupted: interrupted,
            parameterNames: space.dimensions.map(\.name), top: ranked, notes: notes,
            wroteReport: !interrupted && options.robustness != nil && options.shard == nil)
        summary.shard = options.shard
        if let shard = options.shard, !interrupted {
            try ShardMerge.writeStatus(
                ShardMerge.Status(
                    shard: shard.index, of: shard.count, command: "sweep", configHash: configHash, dataHash: dataHash,
                    semantics: EngineSemantics.version, runs: snap.fresh + snap.reused),
                in: dir)
        }
        try manifest(summary, configHash: configHash, dataHash: dataHash, jobs: options.jobs, version: options.version)
            .write(to: dir + "/manifest.json")
        if options.robustness != nil && options.shard == nil {
            do {
                try ReportPage.write(directory: dir)
            } catch {
                throw .io(path: dir + "/" + ReportPage.fileName, reason: error.description)
            }
        }
        options.progress?(SweepProgress(
            planned: planned, examined: summary.examined, fresh: snap.fresh, reused: snap.reused, failed: snap.failed,
            elapsed: wall, best: summary.best?.objective, phase: "", finished: true))
        return summary
    }

    /// Re-runs the winner with full detail; returns a note when that fails.
    private func writeBest(_ best: Leaderboard.Entry, to directory: String, returnPeriod: Int64?)
        -> (note: String?, returns: [Float])
    {
        OutputDirectory.remove(["best"], in: config.output.directory)
        do {
            try OutputDirectory.create(directory)
            let worker = try evaluator.makeWorker()
            let request = RunRequest(
                runIndex: best.record.index, inputs: space.requestInputs(best.record.values),
                tradeFrom: config.data.from, tradeTo: config.data.to, returnPeriod: returnPeriod)
            let outcome = try worker.runDetailed(request, writingTo: directory)
            if case .failed(let message) = outcome.status { return ("the re-run of the best run failed: \(message)", []) }
            try OutputDirectory.write(winnerInputs(best).render() + "\n", to: directory + "/inputs.json")
            return (nil, outcome.returns)
        } catch {
            return ("could not write best/: \(error)", [])
        }
    }

    /// `best/inputs.json`: the winner's run index, objective, searched
    /// values, and the value of every input of the script as it ran.
    private func winnerInputs(_ best: Leaderboard.Entry) -> JSONText {
        func value(_ v: InputValue) -> JSONText {
            switch v {
            case .int(let i): return .int(i)
            case .float(let d): return .num(d)
            case .bool(let b): return .bool(b)
            case .string(let s): return .string(s)
            }
        }
        let searched = zip(space.dimensions, best.record.values).map { ($0.name, value($1)) }
        let all = zip(space.inputs, space.allInputValues(best.record.values)).map { ($0.name, value($1)) }
        return .object([
            ("run", .int(best.record.index)), ("objective", .num(best.objective)),
            ("searched", .object(searched)), ("inputs", .object(all)),
        ])
    }

    private func manifest(_ s: SweepSummary, configHash: String, dataHash: String, jobs: Int, version: String)
        -> Manifest
    {
        var best: Manifest.Best? = nil
        if let b = s.best {
            var params: [String: String] = [:]
            for (name, value) in zip(s.parameterNames, b.record.values) { params[name] = value.tidyDescription }
            best = Manifest.Best(run: b.record.index, objective: b.objective, params: params)
        }
        return Manifest(
            pfopt_version: version, command: "sweep", config_file: config.document.file, config_hash: configHash,
            data_file: config.data.file, data_hash: dataHash, method: config.search.method.rawValue,
            rank_by: config.objective.rankBy, direction: config.objective.maximize ? "maximize" : "minimize",
            jobs: jobs,
            counts: Manifest.Counts(
                planned: s.planned, examined: s.examined, skipped: s.skippedByConstraints,
                skipped_duplicates: s.skippedDuplicates, run: s.ran, resumed: s.reused, failed: s.failed,
                passed_filters: s.passed, filtered_out: s.filteredOut),
            wall_seconds: s.wallSeconds, runs_per_second: s.runsPerSecond, interrupted: s.interrupted, best: best,
            notes: s.notes)
    }
}
