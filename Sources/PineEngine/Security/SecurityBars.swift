import PFData

/// The bars of one requested context (a symbol at a timeframe) and where
/// each chart bar stands in them: what `request.security` reads.
///
/// The requested bars are aggregated from the context's source bars like
/// script bars are, except that a bucket the data ends inside is kept (as
/// the last, still forming bar) so that `lookahead_on` has a value for the
/// chart bars inside it; `lookahead_off` never reads it (it has not closed).
///
/// The chart bars and the requested bars are merged by time, as TradingView
/// documents its merge strategies:
/// - `lookahead_off` orders bars by their close time: chart bar `i` sees the
///   last requested bar that has closed by chart bar `i`'s close (on an hour
///   of 15-minute bars, the fourth one sees the hour's close);
/// - `lookahead_on` orders them by their open time: chart bar `i` sees the
///   requested bar it opens in, whose values lie in its future.
public struct SecurityBars: Sendable {
    /// The requested context's bars (the last one may still be forming).
    public let bars: BarStore
    /// Their timeframe.
    public let timeframe: Timeframe
    /// The requested bars' close times (their bucket's end), Unix ms.
    public let closeTime: [Int64]
    /// True when the last requested bar is a bucket the data ends inside.
    public let lastIsForming: Bool
    /// Per chart bar: the index of the last requested bar closed by the
    /// chart bar's close (`lookahead_off`), -1 before the first one.
    public let closedIndex: [Int32]
    /// Per chart bar: the index of the requested bar whose bucket the chart
    /// bar opens in, or the last one opened before it (`lookahead_on`), -1
    /// before the first one.
    public let openIndex: [Int32]

    /// Aggregates `source` (bars of `sourceTimeframe`) to `timeframe` (which
    /// may be finer than the chart's: each chart bar then reads the last, or
    /// with lookahead the first, requested bar inside it), turns them into
    /// Heikin Ashi bars when `heikinAshi` is set, and aligns the result with
    /// `chart` (bars of `chartTimeframe`).
    public init(
        source: BarStore, sourceTimeframe: Timeframe, timeframe: Timeframe, chart: BarStore, chartTimeframe: Timeframe,
        heikinAshi: Bool = false
    ) throws {
        let aggregated = try source.aggregated(to: timeframe, from: sourceTimeframe)
        var bars = aggregated.bars
        let used = aggregated.subBarStart.last ?? 0
        var forming = false
        if used < source.count {
            bars = Self.appending(source, from: used, to: bars)
            forming = true
        }
        if heikinAshi { bars = bars.heikinAshi() }
        self.bars = bars
        self.timeframe = timeframe
        self.lastIsForming = forming
        var closes = [Int64]()
        closes.reserveCapacity(bars.count)
        var starts = [Int64]()
        starts.reserveCapacity(bars.count)
        for t in bars.time {
            let start = timeframe.bucketStart(ofMilliseconds: t)
            starts.append(start)
            closes.append(timeframe.bucketEnd(startingAt: start))
        }
        closeTime = closes
        let closable = forming ? bars.count - 1 : bars.count
        var closed = [Int32](repeating: -1, count: chart.count)
        var opened = [Int32](repeating: -1, count: chart.count)
        var c = -1
        var o = -1
        for i in 0..<chart.count {
            let open = chart.time[i]
            let close = chartTimeframe.barEnd(openedAt: open)
            while c + 1 < closable && closes[c + 1] <= close { c += 1 }
            while o + 1 < bars.count && starts[o + 1] <= open { o += 1 }
            closed[i] = Int32(c)
            opened[i] = Int32(o)
        }
        closedIndex = closed
        openIndex = opened
    }

    /// `bars` with one more bar built from `source[from...]`.
    private static func appending(_ source: BarStore, from: Int, to bars: BarStore) -> BarStore {
        var hi = source.high[from]
        var lo = source.low[from]
        var volume = 0.0
        for k in from..<source.count {
            hi = Swift.max(hi, source.high[k])
            lo = Swift.min(lo, source.low[k])
            volume += source.volume[k]
        }
        return BarStore(
            time: bars.time + [source.time[from]], open: bars.open + [source.open[from]], high: bars.high + [hi],
            low: bars.low + [lo], close: bars.close + [source.close[source.count - 1]],
            volume: bars.volume + [volume])
    }

    /// The first of the last `count` requested bars (`calc_bars_count`): the
    /// requested data ends with the bar the chart's last bar reads, whether
    /// it opens in it (lookahead) or has closed by its close.
    public func firstOfLast(_ count: Int) -> Int {
        guard let lastChart = closedIndex.indices.last else { return 0 }
        let last = Swift.max(Int(openIndex[lastChart]), Int(closedIndex[lastChart]))
        return Swift.max(0, last - count + 1)
    }

    /// The requested bar chart bar `chartIndex` reads (-1: none yet).
    @inline(__always)
    public func index(chartBar chartIndex: Int, lookahead: Bool) -> Int {
        Int(lookahead ? openIndex[chartIndex] : closedIndex[chartIndex])
    }
}
