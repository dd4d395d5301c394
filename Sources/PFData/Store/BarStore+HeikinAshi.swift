extension BarStore {
    /// The Heikin Ashi bars of these bars, same times and volumes:
    /// - close: the average of the bar's open, high, low and close;
    /// - open: the average of the previous Heikin Ashi open and close (the
    ///   first bar's: the average of its own open and close);
    /// - high: the highest of the bar's high and its Heikin Ashi open and close;
    /// - low: the lowest of the bar's low and its Heikin Ashi open and close.
    public func heikinAshi() -> BarStore {
        let n = count
        var o = [Double](repeating: 0, count: n)
        var h = [Double](repeating: 0, count: n)
        var l = [Double](repeating: 0, count: n)
        var c = [Double](repeating: 0, count: n)
        for i in 0..<n {
            c[i] = (open[i] + high[i] + low[i] + close[i]) / 4
            o[i] = i == 0 ? (open[i] + close[i]) / 2 : (o[i - 1] + c[i - 1]) / 2
            h[i] = Swift.max(high[i], Swift.max(o[i], c[i]))
            l[i] = Swift.min(low[i], Swift.min(o[i], c[i]))
        }
        return BarStore(time: time, open: o, high: h, low: l, close: c, volume: volume)
    }
}
