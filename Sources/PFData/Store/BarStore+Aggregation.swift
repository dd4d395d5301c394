extension BarStore {
    /// Aggregates these bars (of timeframe `source`) to the coarser script
    /// timeframe `target`, exactly as TradingView builds higher-timeframe bars.
    ///
    /// - Intraday targets use buckets aligned to the UTC epoch; days, weeks
    ///   (starting Monday) and months use UTC calendar boundaries.
    /// - Open is the first sub-bar's, high the max, low the min, close the
    ///   last's, volume the sum; the bar's time is its first sub-bar's time.
    /// - A bucket closes when it is full or when the next sub-bar falls in a
    ///   later bucket (a gap gives a short bar).
    /// - The trailing bucket the data ends inside (not yet full) is dropped.
    ///
    /// The same timeframe returns the bars unchanged with one sub-bar each.
    /// A finer target, or an intraday target that is not a whole multiple of
    /// the source, is an error.
    public func aggregated(to target: Timeframe, from source: Timeframe) throws -> AggregatedBars {
        if target == source {
            return AggregatedBars(bars: self, subBarStart: Array(0...count))
        }
        if target.unit < source.unit && !(target.isIntraday && source.isIntraday) {
            throw AggregationError.finerThanData(target: target, source: source)
        }
        if target.hasFixedLength && source.hasFixedLength && target.seconds < source.seconds {
            throw AggregationError.finerThanData(target: target, source: source)
        }
        if source.isMonthly && !target.isMonthly {
            throw AggregationError.finerThanData(target: target, source: source)
        }
        if target.isIntraday && target.seconds % source.seconds != 0 {
            throw AggregationError.notAMultiple(target: target, source: source)
        }
        if target.isMonthly && source.isMonthly && target.multiplier % source.multiplier != 0 {
            throw AggregationError.notAMultiple(target: target, source: source)
        }
        if target.isWeekly && source.isWeekly && target.multiplier % source.multiplier != 0 {
            throw AggregationError.notAMultiple(target: target, source: source)
        }

        let n = count
        var outTime: [Int64] = []
        var outOpen: [Double] = []
        var outHigh: [Double] = []
        var outLow: [Double] = []
        var outClose: [Double] = []
        var outVolume: [Double] = []
        let estimate = n / max(1, Int(target.seconds / max(1, source.seconds))) + 1
        outTime.reserveCapacity(estimate)
        outOpen.reserveCapacity(estimate)
        outHigh.reserveCapacity(estimate)
        outLow.reserveCapacity(estimate)
        outClose.reserveCapacity(estimate)
        outVolume.reserveCapacity(estimate)
        var starts: [Int] = [0]
        starts.reserveCapacity(estimate + 1)

        var i = 0
        while i < n {
            let bucket = target.bucketStart(ofMilliseconds: time[i])
            let end = target.bucketEnd(startingAt: bucket)
            let first = i
            var hi = high[i]
            var lo = low[i]
            var vol = volume[i]
            i += 1
            while i < n && time[i] < end {
                if high[i] > hi { hi = high[i] }
                if low[i] < lo { lo = low[i] }
                vol += volume[i]
                i += 1
            }
            let last = i - 1
            if i == n && source.barEnd(openedAt: time[last]) < end {
                // The data ends inside this bucket: TradingView would still be
                // building it, so it is not a bar yet.
                break
            }
            outTime.append(time[first])
            outOpen.append(open[first])
            outHigh.append(hi)
            outLow.append(lo)
            outClose.append(close[last])
            outVolume.append(vol)
            starts.append(i)
        }
        let bars = BarStore(
            time: outTime, open: outOpen, high: outHigh, low: outLow, close: outClose, volume: outVolume)
        return AggregatedBars(bars: bars, subBarStart: starts)
    }
}
