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
    /// Finished runs that did not pass the filters (failed runs included).
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

    /// The winner, if any run passed the filters.
    public var best: Leaderboard.Entry? { top.first }
}
