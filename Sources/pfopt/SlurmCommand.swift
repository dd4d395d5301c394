import ArgumentParser
import Foundation
import PFOptimizer

/// `pfopt slurm`: run a sweep or walk-forward on a Slurm cluster.
struct SlurmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm", abstract: "Write (and submit) Slurm jobs that run a sweep as N shards and merge them.",
        discussion: """
            Checks the config, converts the data file once, and writes output.dir/slurm/sweep.sbatch \
            (a job array, task I running `pfopt sweep CONFIG --shard I/N`) and merge.sbatch \
            (`pfopt merge CONFIG`). With --submit, submits both, the merge after every task succeeded.
            """)

    @Argument(help: "The sweep config (TOML).")
    var config: String

    @Option(help: "The number of shards (array tasks).")
    var shards: Int

    @Flag(help: "Submit the jobs with sbatch (otherwise only write the scripts).")
    var submit = false

    @Flag(help: "Shard the walk-forward's in-sample sweeps instead of a sweep.")
    var walkforward = false

    @Option(help: "The Slurm partition.")
    var partition: String?

    @Option(help: "The time limit of each task, e.g. 02:00:00.")
    var time: String?

    @Option(help: "CPUs per task (each task runs that many workers).")
    var cpusPerTask: Int = 1

    @Option(name: .customLong("sbatch-arg"), parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "A further sbatch option for both scripts, e.g. --sbatch-arg=--mem=4G (repeatable).", valueName: "arg"))
    var sbatchArgs: [String] = []

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a config value, e.g. --set search.seed=7.", valueName: "key=value"))
    var set: [String] = []

    func validate() throws {
        if shards < 1 { throw ValidationError("--shards must be 1 or more (got \(shards))") }
        if cpusPerTask < 1 { throw ValidationError("--cpus-per-task must be 1 or more (got \(cpusPerTask))") }
    }

    func run() throws {
        // Loading the config builds the evaluator: the script compiles and the data is converted now, once.
        let (config, _) = try SweepLauncher.prepare(configPath: self.config, overrides: set)
        let cwd = FileManager.default.currentDirectoryPath
        func absolute(_ path: String) -> String {
            URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: cwd, isDirectory: true)).standardizedFileURL.path
        }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? absolute(CommandLine.arguments[0])
        let job = SlurmJob(
            command: walkforward ? "walkforward" : "sweep", configPath: absolute(self.config), overrides: set,
            shards: shards, cpusPerTask: cpusPerTask, partition: partition, time: time, extraArguments: sbatchArgs,
            executable: executable, workingDirectory: cwd, outputDirectory: absolute(config.output.directory))
        try job.write()
        print("wrote \(job.sweepScriptPath) (\(shards) tasks) and \(job.mergeScriptPath)")
        guard submit else {
            print("submit: jobid=$(sbatch --parsable \(job.sweepScriptPath)) && sbatch --dependency=afterok:$jobid \(job.mergeScriptPath)")
            return
        }
        let submission = try job.submit()
        print("submitted array job \(submission.arrayJob) (\(shards) shards) and merge job \(submission.mergeJob) (starts when every shard has succeeded)")
        print("watch: squeue -j \(submission.arrayJob),\(submission.mergeJob)")
        print("logs: \(job.slurmDirectory); results: \(job.outputDirectory)")
    }
}
