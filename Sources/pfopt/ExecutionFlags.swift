import ArgumentParser
import Foundation
import PFOptimizer

/// The flags `pfopt sweep` and `pfopt walkforward` share: config overrides,
/// worker count, a fresh start and progress output.
struct ExecutionFlags: ParsableArguments {
    @Option(name: .customLong("set"), help: ArgumentHelp("Override a config value, e.g. --set search.seed=7.", valueName: "key=value"))
    var set: [String] = []

    @Option(help: "Feed no bar before this time (ISO date/time or Unix ms): unlike [data] from, earlier bars do not warm anything up; the config's [data] history_from.")
    var historyFrom: String?

    /// The `--set` overrides, with `--history-from` as `data.history_from`.
    var configOverrides: [String] {
        self.set + (historyFrom.map { ["data.history_from=\"\($0)\""] } ?? [])
    }

    @Option(parsing: .unconditional, help: "Worker threads (default: the core count; more only with --force).")
    var jobs: Int?

    @Flag(help: "Allow --jobs above the core count.")
    var force = false

    @Flag(help: "Run a grid of more than 10,000,000 runs.")
    var yes = false

    @Flag(help: "Ignore finished runs of an earlier session and start afresh.")
    var fresh = false

    @Flag(help: "Print no progress.")
    var quiet = false

    @Flag(help: "Skip the overfitting statistics (robustness.json) and report.html of a sweep.")
    var noRobustness = false

    @Option(help: ArgumentHelp(
        "Run only shard I of N (0-based) into output.dir/shards/I; merge them with pfopt merge.", valueName: "I/N"))
    var shard: String?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more (got \(jobs))") }
        if let shard {
            do { _ = try Shard(parsing: shard) } catch { throw ValidationError(error.description) }
        }
    }

    /// The worker count: --jobs capped at the core count unless --force.
    func workerCount() -> Int? {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard let jobs, jobs > cores, !force else { return jobs }
        FileHandle.standardError.write(Data(
            "note: --jobs \(jobs) is more than the \(cores) cores: running \(cores) workers (add --force to run \(jobs))\n".utf8))
        return cores
    }

    /// Options for a run that Ctrl-C stops cleanly, with a progress line.
    func sweepOptions() -> SweepOptions {
        let flag = CancellationFlag()
        InterruptSignal.install(flag)
        let printer = ProgressPrinter(mode: quiet ? .quiet : .automatic)
        var options = SweepOptions(
            jobs: workerCount(), fresh: fresh, cancellation: flag, progress: { printer.update($0) },
            version: PFOptVersion.string)
        options.confirmLargeGrid = yes
        if noRobustness { options.robustness = nil }
        options.shard = shard.flatMap { try? Shard(parsing: $0) }
        return options
    }
}
