import PFData

extension BarStore {
    /// The bars as a script sees them under the synthetic magnifier: each
    /// bar is built from its samples, so its high and low are the samples'
    /// extremes (which may miss the true extremes for some distributions).
    func syntheticScriptView(samples n: Int, distribution: MagnifierDistribution) -> BarStore {
        var highs = high
        var lows = low
        var path: [Double] = []
        path.reserveCapacity(n)
        for i in 0..<count {
            let (e1, e2) = PricePath.extremes(open: open[i], high: high[i], low: low[i])
            PricePath.samples(open: open[i], e1: e1, e2: e2, close: close[i], count: n, distribution: distribution, into: &path)
            var h = path.first ?? open[i]
            var l = h
            for p in path {
                h = Swift.max(h, p)
                l = Swift.min(l, p)
            }
            highs[i] = h
            lows[i] = l
        }
        return BarStore(time: time, open: open, high: highs, low: lows, close: close, volume: volume)
    }
}
