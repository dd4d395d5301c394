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

    @OptionGroup var flags: ExecutionFlags

    func run() throws {
        let options = flags.sweepOptions()
        let (config, evaluator) = try SweepLauncher.prepare(configPath: self.config, overrides: flags.configOverrides)
        let walkForward = try WalkForward(config: config, evaluator: evaluator)
        let summary = try walkForward.run(options)
        print(WalkForwardLauncher.report(summary))
        if summary.interrupted { throw ExitCode(130) }
    }
}
