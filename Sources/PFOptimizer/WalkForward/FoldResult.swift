/// What happened in one fold.
public struct FoldResult: Sendable {
    public var fold: Fold
    /// The best in-sample run that passed the filters (nil: none did).
    public var best: Leaderboard.Entry?
    /// In-sample runs finished and how many passed the filters / failed.
    public var inSampleRuns: Int
    public var inSamplePassed: Int
    public var inSampleFailed: Int
    /// The out-of-sample run of the best parameters (nil when there is no best).
    public var outOfSample: RunOutcome?

    /// "ok", "no run passed the filters" or "out-of-sample run failed: ...".
    public var status: String {
        guard best != nil else { return "no in-sample run passed the filters" }
        guard let outOfSample else { return "out-of-sample run missing" }
        if case .failed(let m) = outOfSample.status { return "out-of-sample run failed: " + m }
        return "ok"
    }
}
