import ArgumentParser
import Foundation
import PFOptimizer

/// `pfopt walkforward`: walk-forward validation of a sweep.
struct WalkForwardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "walkforward", abstract: "Walk-forward validation of a sweep.",
        discussion: """
            Uses the sweep config plus its [walkforward] table. Writes folds.csv, \
            oos_trades.csv, oos_equity.csv, walkforward.json and manifest.json under \
            output.dir. Re-running the same command after an interruption resumes it.
            """)

    @Argument(help: "The sweep config (TOML) with a [walkforward] table.")
    var config: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a config value, e.g. --set walkforward.step=60d.", valueName: "key=value"))
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
        let walkForward = try WalkForward(config: config, evaluator: evaluator)
        let summary = try walkForward.run(options)
        print(WalkForwardLauncher.report(summary))
        if summary.interrupted { throw ExitCode(130) }
    }
}
