/// A snapshot of a running sweep or walk-forward, for progress display.
public struct SweepProgress: Sendable, Equatable {
    /// Candidates the plan will look at (grid points or random draws).
    public var planned: Int
    /// Candidates looked at so far (run, reused or skipped).
    public var examined: Int
    /// Runs finished in this session.
    public var fresh: Int
    /// Runs taken from the journal of an earlier session.
    public var reused: Int
    public var failed: Int
    /// Seconds since the start.
    public var elapsed: Double
    /// The best objective so far among runs that pass the filters.
    public var best: Double?
    /// "fold 2/6" during a walk-forward, empty for a sweep.
    public var phase: String
    /// True for the last snapshot.
    public var finished: Bool

    /// Runs per second in this session.
    public var runsPerSecond: Double { elapsed > 0 ? Double(fresh) / elapsed : 0 }

    /// Seconds left at the current pace, nil when unknown.
    public var eta: Double? {
        guard examined > 0, elapsed > 0.5, planned > examined else { return planned <= examined ? 0 : nil }
        let rate = Double(examined) / elapsed
        return Double(planned - examined) / rate
    }
}
