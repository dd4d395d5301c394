/// Feeds the fill engine the price path of each bar: the bar's own 4-point
/// path, or the magnifier's (the sub-bars of the real-bar magnifier, the
/// samples of the synthetic one).
struct BarPathFeed {
    let magnifier: Magnifier
    let bars: BacktestBars
    /// The synthetic magnifier's samples of the current bar (reused).
    var samples: [Double] = []
    /// The synthetic view's highs and lows (empty: sample every bar).
    var viewHigh: [Double] = []
    var viewLow: [Double] = []

    init(magnifier: Magnifier, bars: BacktestBars) {
        self.magnifier = magnifier
        self.bars = bars
        if case .synthetic(let n, _) = magnifier { samples.reserveCapacity(n) }
    }

    /// Walks bar `input` through `engine`. Returns the bar's high and low
    /// as the script sees them: with the synthetic magnifier, the extremes
    /// of the samples (a bar built from its ticks).
    @inline(__always)
    mutating func walk(_ input: BarInput, engine: inout FillEngine, counters: inout BacktestCounters) -> (Double, Double) {
        let i = input.index
        let o = input.open
        let h = input.high
        let l = input.low
        let c = input.close
        switch magnifier {
        case .off:
            engine.openBar(open: o, high: h, low: l, close: c)
            if engine.isIdle { return (h, l) }
            if !engine.book.isEmpty {
                let (e1, e2) = PricePath.extremes(open: o, high: h, low: l)
                engine.walk(to: e1)
                engine.walk(to: e2)
                engine.walk(to: c)
            } else {
                engine.positionSeesWholeBar()
            }
            // The open trades' excursions take in the bar (the fills took
            // in what they close).
            engine.reachExtremes(high: h, low: l, close: c)
            return (h, l)
        case .realBars:
            guard let sub = bars.subBars else { return (h, l) }
            let start = bars.subBarStart[i]
            let end = i + 1 < bars.subBarStart.count ? bars.subBarStart[i + 1] : bars.subBarEnd
            counters.magnifierSubBars += end - start
            counters.magnifierSampleTicks += 4 * (end - start)
            if start < end {
                engine.open(at: sub.open[start])
                if engine.book.isEmpty {
                    // Nothing can fill: only the excursions move, to the sub-bars' extremes.
                    engine.positionSeesWholeBar()
                    var sh = sub.high[start]
                    var sl = sub.low[start]
                    for k in start..<end {
                        sh = max(sh, sub.high[k])
                        sl = min(sl, sub.low[k])
                    }
                    engine.reachExtremes(high: sh, low: sl, close: c)
                    return (h, l)
                }
            }
            for k in start..<end {
                let so = sub.open[k]
                if k > start { engine.jump(to: so) }
                if engine.isIdle { continue }
                let (e1, e2) = PricePath.extremes(open: so, high: sub.high[k], low: sub.low[k])
                engine.walkSample(to: e1)
                engine.walkSample(to: e2)
                engine.walkSample(to: sub.close[k])
            }
            engine.markPrice = c
            return (h, l)
        case .synthetic(let n, let distribution):
            counters.magnifierSampleTicks += n
            if engine.book.isEmpty && i < viewHigh.count {
                // Nothing can fill: the excursions move to the samples' extremes, which
                // the script's view of the bar already holds.
                let sh = viewHigh[i]
                let sl = viewLow[i]
                engine.open(at: o)
                if !engine.isIdle { engine.reachExtremes(high: sh, low: sl, close: c) }
                return (sh, sl)
            }
            let (e1, e2) = PricePath.extremes(open: o, high: h, low: l)
            PricePath.samples(open: o, e1: e1, e2: e2, close: c, count: n, distribution: distribution, into: &samples)
            var sh = samples[0]
            var sl = samples[0]
            for p in samples {
                sh = max(sh, p)
                sl = min(sl, p)
            }
            engine.open(at: samples[0])
            if engine.isIdle { return (sh, sl) }
            if engine.book.isEmpty, let last = samples.last {
                // Nothing can fill: only the excursions move, to the samples' extremes.
                engine.positionSeesWholeBar()
                engine.reachExtremes(high: sh, low: sl, close: last)
                return (sh, sl)
            }
            for k in 1..<samples.count { engine.walkSample(to: samples[k]) }
            return (sh, sl)
        }
    }
}
