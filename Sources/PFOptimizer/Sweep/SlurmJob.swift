import Foundation

/// The Slurm batch scripts that run a sweep (or walk-forward) as a job
/// array, one task per shard, and merge the shards when every task has
/// succeeded; and their submission with `sbatch`.
public struct SlurmJob: Sendable {
    /// `sweep` or `walkforward`.
    public var command: String
    /// The config, as an absolute path.
    public var configPath: String
    /// `--set` overrides, passed on to every task and the merge.
    public var overrides: [String]
    public var shards: Int
    public var cpusPerTask: Int
    public var partition: String?
    public var time: String?
    /// Further `#SBATCH` lines, e.g. `--mem=4G` or `--account=quant`.
    public var extraArguments: [String]
    /// The pfopt executable the tasks run (on a path every node sees).
    public var executable: String
    /// The folder the tasks start in (config paths are resolved from the config file anyway).
    public var workingDirectory: String
    /// The config's output.dir (absolute).
    public var outputDirectory: String

    public init(
        command: String, configPath: String, overrides: [String], shards: Int, cpusPerTask: Int, partition: String?,
        time: String?, extraArguments: [String], executable: String, workingDirectory: String, outputDirectory: String
    ) {
        self.command = command
        self.configPath = configPath
        self.overrides = overrides
        self.shards = shards
        self.cpusPerTask = cpusPerTask
        self.partition = partition
        self.time = time
        self.extraArguments = extraArguments
        self.executable = executable
        self.workingDirectory = workingDirectory
        self.outputDirectory = outputDirectory
    }

    /// Where the scripts and the task logs go.
    public var slurmDirectory: String { outputDirectory + "/slurm" }
    public var sweepScriptPath: String { slurmDirectory + "/sweep.sbatch" }
    public var mergeScriptPath: String { slurmDirectory + "/merge.sbatch" }

    /// A word for the shell, in single quotes where needed.
    static func quoted(_ word: String) -> String {
        let safe = word.allSatisfy { $0.isLetter || $0.isNumber || "/._-=:,+@%".contains($0) }
        if safe && !word.isEmpty { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private var name: String {
        let stem = ((configPath as NSString).lastPathComponent as NSString).deletingPathExtension
        return "pfopt-" + String(stem.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
    }

    private func header(_ lines: [String]) -> String {
        var all = lines
        if let partition { all.append("--partition=" + partition) }
        if let time { all.append("--time=" + time) }
        all += extraArguments
        return all.map { "#SBATCH " + $0 }.joined(separator: "\n")
    }

    private var setFlags: String {
        overrides.map { " --set " + Self.quoted($0) }.joined()
    }

    /// The job-array script: task I runs shard I of N.
    public var sweepScript: String {
        """
        #!/bin/bash
        # Written by `pfopt slurm`: task I of this array runs shard I of \(shards) of the \(command) of
        # \(configPath); its journal and partial results go to \(outputDirectory)/shards/I.
        # A task can be re-run alone (sbatch --array=I this-file); it resumes where it stopped.
        \(header([
            "--job-name=\(name)", "--array=0-\(shards - 1)", "--cpus-per-task=\(cpusPerTask)",
            "--output=\(slurmDirectory)/\(command)-%A_%a.out",
        ]))
        set -euo pipefail
        cd \(Self.quoted(workingDirectory))
        exec \(Self.quoted(executable)) \(command) \(Self.quoted(configPath)) --shard "${SLURM_ARRAY_TASK_ID}/\(shards)" --jobs "${SLURM_CPUS_PER_TASK:-1}" --quiet\(setFlags)

        """
    }

    /// The merge script, submitted to run after every task succeeded.
    public var mergeScript: String {
        """
        #!/bin/bash
        # Written by `pfopt slurm`: merges the \(shards) shards of \(configPath) into
        # \(outputDirectory), as one machine would have written it.
        \(header([
            "--job-name=\(name)-merge", "--cpus-per-task=\(cpusPerTask)", "--output=\(slurmDirectory)/merge-%j.out",
        ]))
        set -euo pipefail
        cd \(Self.quoted(workingDirectory))
        exec \(Self.quoted(executable)) merge \(Self.quoted(configPath)) --jobs "${SLURM_CPUS_PER_TASK:-1}" --quiet\(setFlags)

        """
    }

    /// Writes both scripts (executable) under `slurmDirectory`.
    public func write() throws(SweepError) {
        try OutputDirectory.create(slurmDirectory)
        for (path, text) in [(sweepScriptPath, sweepScript), (mergeScriptPath, mergeScript)] {
            try OutputDirectory.write(text, to: path)
            chmod(path, 0o755)
        }
    }

    /// The ids `sbatch` gave the array job and the merge job.
    public struct Submission: Sendable {
        public var arrayJob: String
        public var mergeJob: String
    }

    /// Submits the array, then the merge with `--dependency=afterok:<array>`.
    public func submit(sbatch: String = "sbatch") throws(SweepError) -> Submission {
        let array = try Self.run(sbatch, ["--parsable", sweepScriptPath])
        let merge = try Self.run(sbatch, ["--parsable", "--dependency=afterok:\(array)", mergeScriptPath])
        return Submission(arrayJob: array, mergeJob: merge)
    }

    /// Runs `sbatch` and returns the job id it prints.
    static func run(_ tool: String, _ arguments: [String]) throws(SweepError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw .io(path: tool, reason: "cannot start \(tool): \(FileErrorText.describe(error))")
        }
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problem = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = problem.split(separator: "\n").first.map(String.init) ?? "exit status \(process.terminationStatus)"
            if process.terminationStatus == 127 {
                throw .io(path: tool, reason: "not found: submit the scripts by hand on a machine with Slurm")
            }
            throw .io(path: arguments.last ?? tool, reason: "\(tool) refused the job: \(reason)")
        }
        // --parsable prints "id" or "id;cluster".
        let id = output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ";").first.map(String.init) ?? ""
        guard !id.isEmpty, id.allSatisfy(\.isNumber) else {
            throw .io(path: arguments.last ?? tool, reason: "\(tool) printed no job id (\"\(output.trimmingCharacters(in: .whitespacesAndNewlines))\")")
        }
        return id
    }
}
