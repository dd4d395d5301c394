import Foundation

/// How a sweep or walk-forward runs (as opposed to what it searches).
public struct SweepOptions: Sendable {
    /// Worker threads; default: the core count.
    public var jobs: Int
    /// Ignore the journal of an earlier session and start afresh.
    public var fresh: Bool
    /// Stops the sweep cleanly when cancelled (e.g. on Ctrl-C).
    public var cancellation: CancellationFlag?
    /// Called with progress snapshots a few times a second, on the calling thread.
    public var progress: (@Sendable (SweepProgress) -> Void)?
    /// Re-run the winner with full detail into `best/`.
    public var writeBest: Bool
    /// The pfopt version written to manifest.json.
    public var version: String
    /// How robustness.json is computed (nil: not written).
    public var robustness: RobustnessSettings?
    /// Run a grid above ``GridSizeGuard/limit`` runs anyway.
    public var confirmLargeGrid: Bool = false
    /// Run only this shard's runs, into `output.dir/shards/I/`.
    public var shard: Shard? = nil
    /// Merge the finished shards (every run must come from their journals).
    public var merge: Bool = false

    public init(
        jobs: Int? = nil, fresh: Bool = false, cancellation: CancellationFlag? = nil,
        progress: (@Sendable (SweepProgress) -> Void)? = nil, writeBest: Bool = true, version: String = "0.1.0",
        robustness: RobustnessSettings? = RobustnessSettings()
    ) {
        self.robustness = robustness
        self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        self.fresh = fresh
        self.cancellation = cancellation
        self.progress = progress
        self.writeBest = writeBest
        self.version = version
    }
}
