import ArgumentParser
import PFOptimizer

/// The flags `pfopt sweep` and `pfopt walkforward` share: config overrides,
/// worker count, a fresh start and progress output.
struct ExecutionFlags: ParsableArguments {
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

    /// Options for a run that Ctrl-C stops cleanly, with a progress line.
    func sweepOptions() -> SweepOptions {
        let flag = CancellationFlag()
        InterruptSignal.install(flag)
        let printer = ProgressPrinter(mode: quiet ? .quiet : .automatic)
        return SweepOptions(
            jobs: jobs, fresh: fresh, cancellation: flag, progress: { printer.update($0) },
            version: PFOptVersion.string)
    }
}
