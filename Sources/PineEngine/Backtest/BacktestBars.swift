import PFData

/// The bars a backtest runs over: the script bars and, for the real-bar
/// magnifier, the finer source bars each script bar was built from.
public struct BacktestBars: Sendable {
    /// The script-timeframe bars.
    public let bars: BarStore
    /// The source bars (finer than the script timeframe), when available.
    public let subBars: BarStore?
    /// `subBarStart[i]` is the index in `subBars` of script bar i's first
    /// sub-bar; script bar i spans `subBarStart[i] ..< subBarStart[i + 1]`
    /// (the last one up to `subBarEnd`).
    public let subBarStart: [Int]
    /// One past the last sub-bar of the last script bar.
    public let subBarEnd: Int

    /// Bars without sub-bars (the real-bar magnifier is then unavailable).
    public init(bars: BarStore) {
        self.bars = bars
        self.subBars = nil
        self.subBarStart = []
        self.subBarEnd = 0
    }

    /// Script bars with the source bars they were aggregated from.
    /// Throws when the mapping does not fit the two stores.
    public init(bars: BarStore, subBars: BarStore, subBarStart: [Int], subBarEnd: Int? = nil) throws(BacktestError) {
        let end = subBarEnd ?? subBars.count
        guard subBarStart.count == bars.count, end <= subBars.count else {
            throw .badSubBars("expected one sub-bar start per script bar")
        }
        var previous = -1
        for s in subBarStart {
            guard s > previous, s < end else { throw .badSubBars("sub-bar starts must increase within the source bars") }
            previous = s
        }
        self.bars = bars
        self.subBars = subBars
        self.subBarStart = subBarStart
        self.subBarEnd = end
    }

    /// Script bars aggregated by PFData from `source`, with their sub-bar map.
    public init(aggregated: AggregatedBars, source: BarStore) throws(BacktestError) {
        let starts = aggregated.subBarStart
        guard starts.count == aggregated.bars.count + 1, let end = starts.last else {
            throw .badSubBars("expected one sub-bar start per script bar plus the end")
        }
        try self.init(bars: aggregated.bars, subBars: source, subBarStart: Array(starts.dropLast()), subBarEnd: end)
    }

    /// The number of script bars.
    public var count: Int { bars.count }

    /// True when the real-bar magnifier can run.
    public var hasSubBars: Bool { subBars != nil }
}
