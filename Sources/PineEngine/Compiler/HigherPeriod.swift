import PFData
import PineLanguage

/// The higher-timeframe period the current bar is in, and the time its first bar opened.
struct HigherPeriod {
    private var key = Int64.min
    private var timeframe: Timeframe?
    private var opened: Int64 = 0

    /// The open time of the first bar in the data of the `timeframe` period holding the current bar.
    mutating func start(in rt: Runtime, timeframe tf: Timeframe) -> Int64 {
        let current = rt.clock.periodKey(rt.time, timeframe: tf)
        if current != key || tf != timeframe {
            var first = rt.barIndex
            while first > 0 && rt.clock.periodKey(rt.times[first - 1], timeframe: tf) == current { first -= 1 }
            key = current
            timeframe = tf
            opened = rt.times[max(0, first)]
        }
        return opened
    }
}
