import Foundation
import PineEngine
import PineLanguage

/// Walk-forward validation: for each fold, sweep the in-sample window, pick
/// the best run that passes the filters, run it out of sample; then stitch
/// the out-of-sample record and measure how well the optimization carries
/// over. Every fold's sweep shares one pool; the whole is resumable.
public final class WalkForward: Sendable {
    public let config: SweepConfig
    public let section: WalkForwardSection
    public let evaluator: any BacktestEvaluator
    public let space: ParameterSpace
    public let planner: Planner
    public let objective: Objective
    public let folds: [Fold]

    /// Validates the config and cuts the folds; nothing runs yet.
    public init(config: SweepConfig, evaluator: any BacktestEvaluator) throws {
        guard let section = config.walkForward else {
            throw config.document.error(["walkforward"],
                "missing; add a [walkforward] table with in_sample and out_of_sample, e.g. in_sample = \"120d\"")
        }
        self.config = config
        self.section = section
        self.evaluator = evaluator
        space = try ParameterSpace(config: config, inputs: evaluator.inputs)
        planner = try Planner(config: config, space: space)
        objective = try Objective(config: config, space: space)
        folds = try FoldSplitter.folds(section, barTimes: evaluator.barTimes, from: config.data.from, to: config.data.to)
    }

    static let outputs = [
        "folds.csv", "oos_trades.csv", "oos_equity.csv", "walkforward.json", "manifest.json", "folds", "robustness.json",
        "report.html",
    ]
    /// Journal segment of a fold's out-of-sample run.
    static func oosSegment(_ fold: Int) -> Int { 1_000_000 + fold }

    func foldDirectory(_ fold: Fold, in base: String? = nil) -> String {
        (base ?? config.output.directory) + "/folds/fold_" + (fold.number < 10 ? "0" : "") + String(fold.number)
    }

    /// Runs the walk-forward.
    public func run(_ options: SweepOptions = SweepOptions()) throws(SweepError) -> WalkForwardSummary {
        let start = Date()
        let dir = options.shard?.directory(in: config.output.directory) ?? config.output.directory
        let total = planner.plannedCount.multipliedReportingOverflow(by: folds.count)
        try GridSizeGuard.check(planner, total: total.overflow ? Int.max : total.partialValue, confirmed: options.confirmLargeGrid)
        let folder = try ResultsFolder(
            dir, command: "walkforward", config: config, sections: ["strategy", "data", "search", "params", "walkforward"],
            outputs: Self.outputs, runs: "in-sample runs", options: options)
        defer { folder.lock.release() }
        let (journal, configHash, dataHash) = (folder.journal, folder.configHash, folder.dataHash)
        var notes = folder.notes

        // In-sample sweeps of every fold, on one pool.
        var segments: [PlanSegment] = []
        for fold in folds {
            try OutputDirectory.create(foldDirectory(fold, in: dir))
            let collector = try SegmentCollector(
                objective: objective, space: space, top: config.output.top,
                runsPath: foldDirectory(fold, in: dir) + "/runs.csv")
            segments.append(PlanSegment(
                id: fold.number, planner: planner, tradeFrom: fold.inSampleStart, tradeTo: fold.inSampleEnd,
                collector: collector, shard: options.shard))
        }
        let scheduler = RunScheduler(
            segments: segments, journal: journal, cancellation: options.cancellation, window: 64 * options.jobs,
            journalOnly: options.merge)
        let perFold = planner.plannedCount
        let planned = perFold.multipliedReportingOverflow(by: folds.count).overflow ? Int.max : perFold * folds.count
        let foldCount = folds.count
        let poolNote = WorkerPool.run(scheduler, evaluator: evaluator, jobs: options.jobs) {
            guard let progress = options.progress else { return }
            let s = scheduler.snapshot()
            progress(SweepProgress(
                planned: planned, examined: s.examined, fresh: s.fresh, reused: s.reused, failed: s.failed,
                elapsed: Date().timeIntervalSince(start), best: s.best, phase: "fold \(s.segment + 1)/\(foldCount)",
                finished: false))
        }
        if let error = scheduler.error { throw error }
        if let poolNote { notes.append(poolNote) }
        for segment in segments { try segment.collector.flush() }
        let snap = scheduler.snapshot()
        for (fold, segment) in zip(folds, segments) {
            try writeLeaderboard(segment.collector, to: foldDirectory(fold, in: dir) + "/leaderboard.csv")
        }
        var results = zip(folds, segments).map { fold, segment in
            FoldResult(
                fold: fold, best: segment.collector.leaderboard.best, inSampleRuns: segment.collector.completed,
                inSamplePassed: segment.collector.passed, inSampleFailed: segment.collector.failed, outOfSample: nil)
        }
        let interrupted = !scheduler.isComplete || options.cancellation?.isCancelled == true
        if let shard = options.shard {
            // A shard does its part of the in-sample sweeps; the merge picks the winners and runs them out of sample.
            if !interrupted {
                try ShardMerge.writeStatus(
                    ShardMerge.Status(
                        shard: shard.index, of: shard.count, command: "walkforward", configHash: configHash,
                        dataHash: dataHash, semantics: EngineSemantics.version, runs: snap.fresh + snap.reused),
                    in: dir)
            }
            return WalkForwardSummary(
                outputDirectory: dir, folds: results, parameterNames: space.dimensions.map(\.name), ran: snap.fresh,
                reused: snap.reused, wallSeconds: Date().timeIntervalSince(start), interrupted: interrupted,
                foldEfficiency: [], efficiency: nil, profitableFoldShare: nil, stitchedNetProfit: .nan,
                stitchedReturnPct: .nan, stitchedTrades: 0,
                notes: notes + (interrupted ? ["stopped early: run the same command again to resume"] : []),
                shard: shard)
        }
        if !interrupted {
            try runOutOfSample(&results, journal: journal, jobs: options.jobs)
        } else {
            notes.append("stopped early: run the same command again to resume")
        }

        var summary = WalkForwardSummary(
            outputDirectory: dir, folds: results, parameterNames: space.dimensions.map(\.name),
            ran: options.merge ? snap.fresh + snap.reused : snap.fresh, reused: options.merge ? 0 : snap.reused,
            wallSeconds: 0, interrupted: interrupted, foldEfficiency: [], efficiency: nil,
            profitableFoldShare: nil, stitchedNetProfit: .nan, stitchedReturnPct: .nan, stitchedTrades: 0, notes: notes)
        if !interrupted {
            let report = try WalkForwardReport(walkForward: self, results: results)
            try report.write(to: dir)
            summary.foldEfficiency = report.foldEfficiency
            summary.efficiency = report.efficiency
            summary.profitableFoldShare = report.profitableShare
            summary.stitchedNetProfit = report.stitched.value("net_profit")
            summary.stitchedReturnPct = report.stitched.value("equity_return_pct")
            summary.stitchedTrades = Int(report.stitched.value("num_trades"))
            summary.stitchedInitialEquity = report.stitched.value("initial_equity")
            summary.stitchedFinalEquity = report.stitched.value("final_equity")
            summary.notes += report.notes
        }
        summary.wallSeconds = Date().timeIntervalSince(start)
        try writeManifest(summary, configHash: configHash, dataHash: dataHash, options: options)
        do {
            try ReportPage.write(directory: dir)
        } catch {
            throw .io(path: dir + "/" + ReportPage.fileName, reason: error.description)
        }
        options.progress?(SweepProgress(
            planned: planned, examined: snap.examined, fresh: snap.fresh, reused: snap.reused, failed: snap.failed,
            elapsed: summary.wallSeconds, best: nil, phase: "\(foldCount) folds", finished: true))
        return summary
    }

    private func writeLeaderboard(_ c: SegmentCollector, to path: String) throws(SweepError) {
        var text = c.table.leaderboardHeader
        for (i, e) in c.leaderboard.ranked.enumerated() { text += c.table.leaderboardRow(rank: i + 1, e) }
        try OutputDirectory.write(text, to: path)
    }

    /// Runs each fold's best parameters over its out-of-sample window with full
    /// detail (into folds/fold_NN/oos/), in parallel; resumable.
    private func runOutOfSample(_ results: inout [FoldResult], journal: Journal, jobs: Int) throws(SweepError) {
        let todo = results.indices.filter { results[$0].best != nil }
        let outcomes = OutcomeSlots(count: results.count)
        var pending: [Int] = []
        for i in todo {
            let fold = results[i].fold
            guard let best = results[i].best else { continue }
            let oosDir = foldDirectory(fold) + "/oos"
            if let entry = journal.lookup(segment: Self.oosSegment(fold.number), index: best.record.index),
               FileManager.default.fileExists(atPath: oosDir + "/equity.csv")
            {
                outcomes.set(i, RunOutcome(status: entry.status, metrics: entry.metrics))
            } else {
                pending.append(i)
            }
        }
        let requests: [(Int, RunRequest, String, Int)] = pending.compactMap { i in
            guard let best = results[i].best else { return nil }
            let fold = results[i].fold
            let request = RunRequest(
                runIndex: best.record.index, inputs: space.requestInputs(best.record.values),
                tradeFrom: fold.outOfSampleStart, tradeTo: fold.outOfSampleEnd)
            return (i, request, foldDirectory(fold) + "/oos", fold.number)
        }
        let stop = ErrorSlot()
        let failure = WorkerPool.forEach(count: requests.count, jobs: jobs, evaluator: evaluator) { worker, k in
            let (i, request, oosDir, foldNumber) = requests[k]
            do {
                if FileManager.default.fileExists(atPath: oosDir) { try FileManager.default.removeItem(atPath: oosDir) }
                try FileManager.default.createDirectory(atPath: oosDir, withIntermediateDirectories: true)
            } catch {
                stop.set(.io(path: oosDir, reason: "cannot prepare the out-of-sample folder: \(FileErrorText.describe(error))"))
                return
            }
            let outcome: RunOutcome
            do {
                outcome = try worker.runDetailed(request, writingTo: oosDir)
            } catch {
                // A runtime error of the script, or its detail files could not be written.
                outcome = RunOutcome(status: .failed("the out-of-sample run failed: \(error)"), metrics: [])
            }
            outcomes.set(i, outcome)
            do {
                try journal.append(Journal.Entry(
                    segment: Self.oosSegment(foldNumber), index: request.runIndex, status: outcome.status,
                    metrics: outcome.status == .ok ? outcome.metrics : []))
            } catch {
                stop.set(error as? SweepError ?? .io(path: journal.path, reason: String(describing: error)))
            }
        }
        if let failure { throw .noWorker(failure) }
        if let error = stop.value { throw error }
        for i in results.indices { results[i].outOfSample = outcomes.get(i) }
    }

    private func writeManifest(_ s: WalkForwardSummary, configHash: String, dataHash: String, options: SweepOptions)
        throws(SweepError)
    {
        let passed = s.folds.reduce(0) { $0 + $1.inSamplePassed }
        let failed = s.folds.reduce(0) { $0 + $1.inSampleFailed }
        let completed = s.folds.reduce(0) { $0 + $1.inSampleRuns }
        let manifest = Manifest(
            pfopt_version: options.version, command: "walkforward", config_file: config.document.file,
            config_hash: configHash, data_file: config.data.file, data_hash: dataHash,
            method: config.search.method.rawValue, rank_by: config.objective.rankBy,
            direction: config.objective.maximize ? "maximize" : "minimize", jobs: options.jobs,
            counts: Manifest.Counts(
                planned: planner.plannedCount * folds.count, examined: completed, skipped: 0, skipped_duplicates: 0,
                run: s.ran, resumed: s.reused, failed: failed, passed_filters: passed, filtered_out: completed - failed - passed),
            wall_seconds: s.wallSeconds, runs_per_second: s.wallSeconds > 0 ? Double(s.ran) / s.wallSeconds : 0,
            interrupted: s.interrupted, best: nil, notes: s.notes)
        try manifest.write(to: config.output.directory + "/manifest.json")
    }
}
