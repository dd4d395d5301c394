import PFData

/// The bars of a timeframe finer than the chart's, with the range of them
/// inside each chart bar: what `request.security_lower_tf` reads.
public struct LowerTimeframeBars: Sendable {
    /// The lower-timeframe bars.
    public let bars: BarStore
    /// Their timeframe.
    public let timeframe: Timeframe
    /// Per chart bar: the first lower-timeframe bar opening inside it.
    public let start: [Int32]
    /// Per chart bar: one past the last lower-timeframe bar opening inside it.
    public let end: [Int32]

    /// Aggregates `source` to `timeframe` (at least as coarse as the source),
    /// as Heikin Ashi bars when `heikinAshi` is set, and finds the bars that
    /// open inside each chart bar.
    public init(
        source: BarStore, sourceTimeframe: Timeframe, timeframe: Timeframe, chart: BarStore, chartTimeframe: Timeframe,
        heikinAshi: Bool = false
    ) throws {
        var bars = try source.aggregated(to: timeframe, from: sourceTimeframe).bars
        if heikinAshi { bars = bars.heikinAshi() }
        self.bars = bars
        self.timeframe = timeframe
        var starts = [Int32](repeating: 0, count: chart.count)
        var ends = [Int32](repeating: 0, count: chart.count)
        var k = 0
        for i in 0..<chart.count {
            let open = chart.time[i]
            let close = chartTimeframe.barEnd(openedAt: open)
            while k < bars.count && bars.time[k] < open { k += 1 }
            starts[i] = Int32(k)
            while k < bars.count && bars.time[k] < close { k += 1 }
            ends[i] = Int32(k)
        }
        start = starts
        end = ends
    }

    /// The first of the last `count` lower-timeframe bars (`calc_bars_count`):
    /// the requested data ends with the last one inside the chart's last bar.
    public func firstOfLast(_ count: Int) -> Int {
        guard let last = end.last else { return 0 }
        return Swift.max(0, Int(last) - count)
    }
}

extension BarStore {
    /// The bars from index `first` on (the store itself when `first` is 0).
    func dropping(_ first: Int) -> BarStore {
        guard first > 0 else { return self }
        return BarStore(
            time: Array(time[first...]), open: Array(open[first...]), high: Array(high[first...]),
            low: Array(low[first...]), close: Array(close[first...]), volume: Array(volume[first...]))
    }
}
