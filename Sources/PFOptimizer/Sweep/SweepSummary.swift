import PineLanguage

/// What a finished (or interrupted) sweep did.
public struct SweepSummary: Sendable {
    public var outputDirectory: String
    /// Candidates the plan covers (grid size capped by trials, or trials).
    public var planned: Int
    /// Candidates looked at.
    public var examined: Int
    /// Candidates skipped by constraints.
    public var skippedByConstraints: Int
    /// Random draws skipped as duplicates.
    public var skippedDuplicates: Int
    /// Runs done in this session.
    public var ran: Int
    /// Runs taken from the journal of an earlier session.
    public var reused: Int
    /// Runs (fresh or reused) that failed at run time.
    public var failed: Int
    /// Runs that passed the filters.
    public var passed: Int
    /// Runs that finished without failing but did not pass the filters.
    public var filteredOut: Int
    /// The first failure message, if any run failed.
    public var firstFailure: String?
    public var wallSeconds: Double
    public var runsPerSecond: Double
    /// True when the sweep stopped early (Ctrl-C); run it again to resume.
    public var interrupted: Bool
    /// The searched parameters' names.
    public var parameterNames: [String]
    /// The top runs, best first.
    public var top: [Leaderboard.Entry]
    /// Things worth telling the user (a discarded journal, a failed best re-run).
    public var notes: [String]
    /// True when robustness.json and report.html were written.
    public var wroteReport = false
    /// The shard this sweep ran (nil for a whole sweep or a merge): no best/ is written.
    public var shard: Shard? = nil

    /// Why the sweep counts as a failure although it ran to its end: every
    /// run failed. `nil` when at least one run succeeded (or none was planned,
    /// or the sweep was interrupted).
    public var failureReason: String? {
        let finished = ran + reused
        guard !interrupted, finished > 0, failed == finished else { return nil }
        return "no run succeeded: all \(finished) runs failed" + (firstFailure.map { " (first: \($0))" } ?? "")
    }

    /// The winner, if any run passed the filters.
    public var best: Leaderboard.Entry? { top.first }
}
