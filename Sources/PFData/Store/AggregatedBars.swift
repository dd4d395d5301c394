/// Script-timeframe bars built from finer source bars, with the map back to
/// the source bars each one was built from (what the bar magnifier walks).
public struct AggregatedBars: Sendable, Equatable {
    /// The aggregated (script timeframe) bars.
    public let bars: BarStore
    /// `bars.count + 1` offsets into the source store: script bar `i` is built
    /// from source bars `subBarStart[i] ..< subBarStart[i + 1]`.
    public let subBarStart: [Int]

    /// Creates the pair; `subBarStart` must have `bars.count + 1` entries.
    public init(bars: BarStore, subBarStart: [Int]) {
        self.bars = bars
        self.subBarStart = subBarStart
    }

    /// The source-bar range of script bar `index`.
    public func subBars(of index: Int) -> Range<Int> {
        subBarStart[index]..<subBarStart[index + 1]
    }
}
