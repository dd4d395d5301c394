import Foundation
import Testing

/// `--shard`, `merge` and `slurm` through the executable.
@Suite("pfopt command line: shards")
struct ClusterCLITests {
    @Test("two shards and a merge give the one-machine runs.csv and leaderboard.csv")
    func shardsAndMerge() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        try scratch.write("rhythm.pine", CLITests.rhythm)
        try scratch.writeFeed(count: 200)
        let whole = try scratch.write("whole.toml", CLITests.sweepConfig().replacingOccurrences(of: "dir = \"out\"", with: "dir = \"whole\""))
        let config = try scratch.write("sweep.toml", CLITests.sweepConfig())
        #expect(try CLIProcess.run(["sweep", whole, "--quiet"]).status == 0)
        let second = try CLIProcess.run(["sweep", config, "--quiet", "--shard", "1/2"])
        #expect(second.status == 0)
        #expect(second.stdout.contains("shard 1/2 done; when every shard is done: pfopt merge \(config)"))
        let early = try CLIProcess.run(["merge", config, "--quiet"])
        #expect(early.status == 1)
        #expect(early.errorLines == ["pfopt: error: shard 0 of 2 is missing (no \(scratch.path("out/shards/0"))): run `pfopt sweep \(config) --shard 0/2`"])
        #expect(try CLIProcess.run(["sweep", config, "--quiet", "--shard", "0/2"]).status == 0)
        let merged = try CLIProcess.run(["merge", config, "--quiet"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains("note: merged 2 shards: 4 runs"))
        for name in ["runs.csv", "leaderboard.csv"] {
            #expect(try scratch.read("out/" + name) == scratch.read("whole/" + name), "\(name)")
        }
        let bad = try CLIProcess.run(["sweep", config, "--shard", "2/2"])
        #expect(bad.status != 0 && bad.stderr.contains("shard 2 is outside 0...1"))
    }

    @Test("slurm writes the two scripts and says how to submit them")
    func slurmScripts() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        try scratch.write("rhythm.pine", CLITests.rhythm)
        try scratch.writeFeed(count: 60)
        let config = try scratch.write("sweep.toml", CLITests.sweepConfig())
        let result = try CLIProcess.run(["slurm", config, "--shards", "3", "--cpus-per-task", "2", "--sbatch-arg=--mem=2G"])
        #expect(result.status == 0, "\(result.stderr)")
        let array = try scratch.read("out/slurm/sweep.sbatch")
        #expect(array.contains("#SBATCH --array=0-2\n") && array.contains("#SBATCH --cpus-per-task=2\n") && array.contains("#SBATCH --mem=2G\n"))
        #expect(array.contains("sweep \(config) --shard \"${SLURM_ARRAY_TASK_ID}/3\""))
        #expect(try scratch.read("out/slurm/merge.sbatch").contains(" merge \(config) "))
        #expect(result.stdout.contains("sbatch --dependency=afterok:$jobid \(scratch.path("out/slurm/merge.sbatch"))"))
        // The data was converted before any task runs.
        #expect(scratch.exists("feed.ohlcv"))
    }
}
