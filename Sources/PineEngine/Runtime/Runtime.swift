import PFData

/// The mutable context one engine instance runs a script in: the current
/// bar, the bar columns for history reads, the chart clock and the broker.
/// Compiled closures receive it as their only argument.
final class Runtime {
    // The current script bar.
    var barIndex = -1
    var time: Int64 = 0
    var open = Double.nan
    var high = Double.nan
    var low = Double.nan
    var close = Double.nan
    var volume = Double.nan
    var isLastBar = false

    // Columns of every script bar, for `close[n]` and friends.
    var times: [Int64] = []
    var opens: [Double] = []
    var highs: [Double] = []
    var lows: [Double] = []
    var closes: [Double] = []
    var volumes: [Double] = []
    var barCount = 0

    /// Script timeframe length in ms (for `time_close`), 0 when unknown.
    var barDurationMs: Int64 = 0

    // Symbol information.
    var mintick = 0.01
    var pointvalue = 1.0
    /// The symbol file's fields (`syminfo.ticker`, ...), nil when the data came without one.
    var symbol: SymbolInfo?
    /// The script timeframe (`timeframe.*`), nil when unknown.
    var timeframe: Timeframe?
    /// The exchange's weekly session starts (empty: midnight every day).
    var sessionStarts: [SessionTime] = []
    /// The other timeframes and symbols `request.*` reads (nil: none given).
    var security: SecurityViews?

    /// Calendar fields in the chart time zone, cached per bar.
    var clock = ZoneClock(identifier: nil)
    private var cachedFieldsBar = -2
    private var cachedFields = CalendarFields(localMs: 0)

    /// The broker the strategy's orders go to (nil for indicators).
    var broker: Broker?

    /// Loop iterations left on this bar before a runaway loop is stopped.
    var loopBudget = 0
    static let loopIterationsPerBar = 1_000_000

    /// True when `plot()` values are recorded on this run.
    var recordsPlots = false

    /// The file name used in runtime error messages.
    var fileName = "script.pine"

    /// Loads the script bars' columns.
    func load(bars: BarStore) {
        times = bars.time
        opens = bars.open
        highs = bars.high
        lows = bars.low
        closes = bars.close
        volumes = bars.volume
        barCount = bars.count
        barIndex = -1
        cachedFieldsBar = -2
    }

    var hlc3: Double { (high + low + close) / 3 }

    /// Moves to script bar `index`.
    @inline(__always)
    func enter(bar index: Int) {
        barIndex = index
        time = times[index]
        open = opens[index]
        high = highs[index]
        low = lows[index]
        close = closes[index]
        volume = volumes[index]
        isLastBar = index == barCount - 1
        loopBudget = Runtime.loopIterationsPerBar
    }

    /// The current bar's calendar fields in the chart time zone.
    @inline(__always)
    func calendar() -> CalendarFields {
        if cachedFieldsBar != barIndex {
            cachedFields = clock.fields(time)
            cachedFieldsBar = barIndex
        }
        return cachedFields
    }

    /// A bar column value `offset` bars back (`na` before the first bar).
    @inline(__always)
    func column(_ column: [Double], back offset: Int) -> Double {
        let i = barIndex - offset
        return i >= 0 && i < barCount ? column[i] : .nan
    }

    /// Builds a runtime error at a source location on the current bar.
    func error(_ message: String, line: Int, column: Int) -> ScriptRuntimeError {
        ScriptRuntimeError(
            file: fileName, line: line, column: column, message: message,
            barIndex: barIndex, barTime: barIndex >= 0 && barIndex < barCount ? times[barIndex] : 0)
    }
}
