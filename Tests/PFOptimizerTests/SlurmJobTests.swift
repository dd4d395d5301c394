import Foundation
import Testing

@testable import PFOptimizer

@Suite struct SlurmJobTests {
    func job(shards: Int = 4, partition: String? = nil, extra: [String] = [], overrides: [String] = []) -> SlurmJob {
        SlurmJob(
            command: "sweep", configPath: "/data/my sweeps/sma.toml", overrides: overrides, shards: shards,
            cpusPerTask: 8, partition: partition, time: "01:30:00", extraArguments: extra,
            executable: "/opt/pfopt/bin/pfopt", workingDirectory: "/data/my sweeps", outputDirectory: "/data/out")
    }

    @Test func theArrayScriptRunsOneShardPerTask() {
        let text = job(partition: "short", extra: ["--mem=4G"], overrides: ["search.seed=7", "data.from=it's"]).sweepScript
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "#!/bin/bash")
        for expected in [
            "#SBATCH --job-name=pfopt-sma", "#SBATCH --array=0-3", "#SBATCH --cpus-per-task=8",
            "#SBATCH --output=/data/out/slurm/sweep-%A_%a.out", "#SBATCH --partition=short", "#SBATCH --time=01:30:00",
            "#SBATCH --mem=4G", "cd '/data/my sweeps'",
            "exec /opt/pfopt/bin/pfopt sweep '/data/my sweeps/sma.toml' --shard \"${SLURM_ARRAY_TASK_ID}/4\" --jobs \"${SLURM_CPUS_PER_TASK:-1}\" --quiet --set search.seed=7 --set 'data.from=it'\\''s'",
        ] {
            #expect(lines.contains(expected), "missing: \(expected)")
        }
        // Every #SBATCH line comes before the first command, as sbatch requires.
        let lastDirective = lines.lastIndex { $0.hasPrefix("#SBATCH") } ?? 0
        let firstCommand = lines.firstIndex { !$0.hasPrefix("#") && !$0.isEmpty } ?? 0
        #expect(lastDirective < firstCommand)
    }

    @Test func theMergeScriptMergesWithTheSameOverrides() {
        let text = job(overrides: ["search.seed=7"]).mergeScript
        #expect(text.contains("#SBATCH --job-name=pfopt-sma-merge\n"))
        #expect(!text.contains("--array"))
        #expect(text.contains("exec /opt/pfopt/bin/pfopt merge '/data/my sweeps/sma.toml' --jobs \"${SLURM_CPUS_PER_TASK:-1}\" --quiet --set search.seed=7\n"))
    }

    @Test func writesBothScriptsExecutable() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        var j = job(shards: 1)
        j.outputDirectory = tmp.path + "/out"
        try j.write()
        for path in [j.sweepScriptPath, j.mergeScriptPath] {
            #expect(FileManager.default.isExecutableFile(atPath: path))
        }
        #expect(tmp.read("out/slurm/sweep.sbatch").contains("#SBATCH --array=0-0"))
    }

    @Test func aMissingSbatchIsOneLine() {
        do {
            _ = try SlurmJob.run("pfopt-no-such-sbatch", ["x.sbatch"])
            Issue.record("expected an error")
        } catch {
            #expect(String(describing: error) == "pfopt-no-such-sbatch: not found: submit the scripts by hand on a machine with Slurm")
        }
    }
}
