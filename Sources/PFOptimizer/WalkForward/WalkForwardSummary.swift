/// What a walk-forward did.
public struct WalkForwardSummary: Sendable {
    public var outputDirectory: String
    public var folds: [FoldResult]
    public var parameterNames: [String]
    /// Runs done in this session / taken from the journal.
    public var ran: Int
    public var reused: Int
    public var wallSeconds: Double
    public var interrupted: Bool
    /// Walk-forward efficiency per fold (nil where undefined).
    public var foldEfficiency: [Double?]
    /// Overall walk-forward efficiency (nil when undefined).
    public var efficiency: Double?
    /// Share of folds with an out-of-sample run whose net profit is above 0.
    public var profitableFoldShare: Double?
    /// Net profit and return of the stitched out-of-sample record.
    public var stitchedNetProfit: Double
    public var stitchedReturnPct: Double
    public var stitchedTrades: Int
    /// The stitched equity curve's first and last value (marked to market).
    public var stitchedInitialEquity: Double = .nan
    public var stitchedFinalEquity: Double = .nan
    public var notes: [String]
    /// Set for one shard's part of the in-sample sweeps (no out-of-sample runs, no report).
    public var shard: Shard? = nil
}
