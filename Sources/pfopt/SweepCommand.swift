import ArgumentParser
import Foundation
import PFOptimizer

/// `pfopt sweep`: run a parameter sweep described by a TOML config.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep", abstract: "Run a parameter sweep described by a TOML config.",
        discussion: """
            Writes runs.csv, leaderboard.csv, best/ and manifest.json under the config's \
            output.dir. Re-running the same command after an interruption resumes it.
            """)

    @Argument(help: "The sweep config (TOML).")
    var config: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a config value, e.g. --set search.seed=7.", valueName: "key=value"))
    var set: [String] = []

    @Option(help: "Worker threads (default: the core count).")
    var jobs: Int?

    @Flag(help: "Ignore finished runs of an earlier session and start afresh.")
    var fresh = false

    @Flag(help: "Print no progress.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
    }

    func run() throws {
        let flag = CancellationFlag()
        InterruptSignal.install(flag)
        let printer = ProgressPrinter(mode: quiet ? .quiet : .automatic)
        let options = SweepOptions(
            jobs: jobs, fresh: fresh, cancellation: flag, progress: { printer.update($0) },
            version: PFOptVersion.string)
        let (config, evaluator) = try SweepLauncher.prepare(configPath: self.config, overrides: set)
        let summary = try Sweep(config: config, evaluator: evaluator).run(options)
        print(SweepLauncher.report(summary, rankBy: config.objective.rankBy))
        if summary.interrupted { throw ExitCode(130) }
    }
}
