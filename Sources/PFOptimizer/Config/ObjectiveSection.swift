/// `[objective]`: what ranks the runs.
public struct ObjectiveSection: Sendable, Equatable {
    /// A metric name or an expression over metrics and parameters.
    public var rankBy: String
    public var maximize: Bool
    /// Expressions a run must satisfy to enter the leaderboard.
    public var filters: [String]
}
