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

    @OptionGroup var flags: ExecutionFlags

    func run() throws {
        let options = flags.sweepOptions()
        let (config, evaluator) = try SweepLauncher.prepare(configPath: self.config, overrides: flags.configOverrides)
        let summary = try Sweep(config: config, evaluator: evaluator).run(options)
        print(SweepLauncher.report(summary, rankBy: config.objective.rankBy))
        if let shard = options.shard, !summary.interrupted {
            print("shard \(shard) done; when every shard is done: pfopt merge \(self.config)")
        }
        if summary.interrupted { throw ExitCode(130) }
        if let reason = summary.failureReason {
            ErrorOutput.write("pfopt: error: " + reason)
            throw ExitCode.failure
        }
    }
}
