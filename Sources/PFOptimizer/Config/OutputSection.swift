/// `[output]`: where results go.
public struct OutputSection: Sendable, Equatable {
    /// The output directory's absolute path.
    public var directory: String
    /// How many runs the leaderboard keeps.
    public var top: Int
}
