/// The history a run is fed: TradingView computes a strategy only over the
/// bars loaded on its chart, so `var` state, moving-average seeds and
/// cumulative sums start at its first bar.
extension MarketData {
    /// The same data without the bars that open before `start` (Unix ms):
    /// those bars are not fed to the script at all, unlike a trade window,
    /// which still warms indicators up on them. Throws when no bar is left.
    public func startingAt(_ start: Int64) throws(ImportError) -> MarketData {
        let time = bars.time
        var first = 0
        while first < time.count && time[first] < start { first += 1 }
        guard first < time.count else {
            throw ImportError.io(
                file: sourcePath,
                reason: "the history start \(UTCCalendar.isoString(milliseconds: start)) is after the last bar")
        }
        if first == 0 { return self }
        let kept = BarStore(
            time: Array(bars.time[first...]), open: Array(bars.open[first...]), high: Array(bars.high[first...]),
            low: Array(bars.low[first...]), close: Array(bars.close[first...]), volume: Array(bars.volume[first...]))
        var cut = MarketData(
            bars: kept, timeframe: timeframe, symbol: symbol, sourcePath: sourcePath, ohlcvPath: ohlcvPath,
            gaps: IntervalDetection.detect(kept.time).gaps)
        cut.currencyIsKnown = currencyIsKnown
        cut.hasSymbolFile = hasSymbolFile
        return cut
    }
}
