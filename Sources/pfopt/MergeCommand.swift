import ArgumentParser
import Foundation
import PFOptimizer

/// `pfopt merge`: combine the shards of a sweep or walk-forward.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Merge the shards of a sweep or walk-forward run with --shard I/N.",
        discussion: """
            Reads output.dir/shards/0..N-1 and writes what one machine would have written for \
            the same config: runs.csv, leaderboard.csv, best/ and manifest.json (a walk-forward: \
            its folds, out-of-sample runs and report). A missing or unfinished shard, or one run \
            with another config, data or engine, is refused.
            """)

    @Argument(help: "The config the shards were run with (TOML).")
    var config: String

    @OptionGroup var flags: ExecutionFlags

    func validate() throws {
        if flags.shard != nil { throw ValidationError("--shard does not apply to merge: it reads every shard") }
    }

    func run() throws {
        var options = flags.sweepOptions()
        options.merge = true
        let (config, evaluator) = try SweepLauncher.prepare(configPath: self.config, overrides: flags.configOverrides)
        if SweepLauncher.shardCommand(outputDirectory: config.output.directory) == "walkforward" {
            let summary = try WalkForward(config: config, evaluator: evaluator).run(options)
            print(WalkForwardLauncher.report(summary))
            if summary.interrupted { throw ExitCode(130) }
        } else {
            let summary = try Sweep(config: config, evaluator: evaluator).run(options)
            print(SweepLauncher.report(summary, rankBy: config.objective.rankBy))
            if summary.interrupted { throw ExitCode(130) }
            if let reason = summary.failureReason {
                ErrorOutput.write("pfopt: error: " + reason)
                throw ExitCode.failure
            }
        }
    }
}
