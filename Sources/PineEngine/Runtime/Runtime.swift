import PFData
import PineLanguage

/// The mutable context one engine instance runs a script in: the current
/// bar, the bar columns for history reads, the chart clock and the broker.
/// Compiled closures receive it as their only argument.
final class Runtime {
    /// Everything the runtime holds, in one value behind a pointer the
    /// runtime allocates and frees: compiled closures read and write it on
    /// every bar without runtime exclusivity checks (a runtime is used by
    /// one thread, one bar at a time).
    private struct State {
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

        var barDurationMs: Int64 = 0
        var mintick = 0.01
        var pointvalue = 1.0
        var symbol: SymbolInfo?
        var timeframe: Timeframe?
        var sessionStarts: [SessionTime] = []
        var security: SecurityViews?
        var unknownSymbolFields: SymbolFields = []
        var requestedTicker = ""
        var requestedSymbolFile = ""
        var accountFactors: [Double] = []
        var accountRateFailure: String?
        var clock = ZoneClock(identifier: nil)
        var cachedFieldsBar = -2
        var cachedFields = CalendarFields(localMs: 0)
        var broker: Broker?
        var loopBudget = 0
        var recordsPlots = false
        var fileName = "script.pine"
    }

    private let state: UnsafeMutablePointer<State>

    init() {
        state = .allocate(capacity: 1)
        state.initialize(to: State())
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    // The current script bar.
    var barIndex: Int {
        @inline(__always) _read { yield state.pointee.barIndex }
        @inline(__always) _modify { yield &state.pointee.barIndex }
    }
    var time: Int64 {
        @inline(__always) _read { yield state.pointee.time }
        @inline(__always) _modify { yield &state.pointee.time }
    }
    var open: Double {
        @inline(__always) _read { yield state.pointee.open }
        @inline(__always) _modify { yield &state.pointee.open }
    }
    var high: Double {
        @inline(__always) _read { yield state.pointee.high }
        @inline(__always) _modify { yield &state.pointee.high }
    }
    var low: Double {
        @inline(__always) _read { yield state.pointee.low }
        @inline(__always) _modify { yield &state.pointee.low }
    }
    var close: Double {
        @inline(__always) _read { yield state.pointee.close }
        @inline(__always) _modify { yield &state.pointee.close }
    }
    var volume: Double {
        @inline(__always) _read { yield state.pointee.volume }
        @inline(__always) _modify { yield &state.pointee.volume }
    }
    var isLastBar: Bool {
        @inline(__always) _read { yield state.pointee.isLastBar }
        @inline(__always) _modify { yield &state.pointee.isLastBar }
    }
    // Columns of every script bar, for `close[n]` and friends.
    var times: [Int64] {
        @inline(__always) _read { yield state.pointee.times }
        @inline(__always) _modify { yield &state.pointee.times }
    }
    var opens: [Double] {
        @inline(__always) _read { yield state.pointee.opens }
        @inline(__always) _modify { yield &state.pointee.opens }
    }
    var highs: [Double] {
        @inline(__always) _read { yield state.pointee.highs }
        @inline(__always) _modify { yield &state.pointee.highs }
    }
    var lows: [Double] {
        @inline(__always) _read { yield state.pointee.lows }
        @inline(__always) _modify { yield &state.pointee.lows }
    }
    var closes: [Double] {
        @inline(__always) _read { yield state.pointee.closes }
        @inline(__always) _modify { yield &state.pointee.closes }
    }
    var volumes: [Double] {
        @inline(__always) _read { yield state.pointee.volumes }
        @inline(__always) _modify { yield &state.pointee.volumes }
    }
    var barCount: Int {
        @inline(__always) _read { yield state.pointee.barCount }
        @inline(__always) _modify { yield &state.pointee.barCount }
    }
    /// Script timeframe length in ms (for `time_close`), 0 when unknown.
    var barDurationMs: Int64 {
        @inline(__always) _read { yield state.pointee.barDurationMs }
        @inline(__always) _modify { yield &state.pointee.barDurationMs }
    }
    /// Symbol information.
    var mintick: Double {
        @inline(__always) _read { yield state.pointee.mintick }
        @inline(__always) _modify { yield &state.pointee.mintick }
    }
    var pointvalue: Double {
        @inline(__always) _read { yield state.pointee.pointvalue }
        @inline(__always) _modify { yield &state.pointee.pointvalue }
    }
    /// The symbol file's fields (`syminfo.ticker`, ...), nil when the data came without one.
    var symbol: SymbolInfo? {
        @inline(__always) _read { yield state.pointee.symbol }
        @inline(__always) _modify { yield &state.pointee.symbol }
    }
    /// The script timeframe (`timeframe.*`), nil when unknown.
    var timeframe: Timeframe? {
        @inline(__always) _read { yield state.pointee.timeframe }
        @inline(__always) _modify { yield &state.pointee.timeframe }
    }
    /// The exchange's weekly session starts (empty: midnight every day).
    var sessionStarts: [SessionTime] {
        @inline(__always) _read { yield state.pointee.sessionStarts }
        @inline(__always) _modify { yield &state.pointee.sessionStarts }
    }
    /// The other timeframes and symbols `request.*` reads (nil: none given).
    var security: SecurityViews? {
        @inline(__always) _read { yield state.pointee.security }
        @inline(__always) _modify { yield &state.pointee.security }
    }
    /// In a requested context of another symbol: the `syminfo.*` properties
    /// pfopt does not know for it (empty elsewhere), and its ticker as the
    /// script wrote it (what the refusal names).
    var unknownSymbolFields: SymbolFields {
        @inline(__always) _read { yield state.pointee.unknownSymbolFields }
        @inline(__always) _modify { yield &state.pointee.unknownSymbolFields }
    }
    var requestedTicker: String {
        @inline(__always) _read { yield state.pointee.requestedTicker }
        @inline(__always) _modify { yield &state.pointee.requestedTicker }
    }
    /// The symbol file that would make those properties known (a file name).
    var requestedSymbolFile: String {
        @inline(__always) _read { yield state.pointee.requestedSymbolFile }
        @inline(__always) _modify { yield &state.pointee.requestedSymbolFile }
    }
    /// In a requested context whose expression converts money with
    /// `strategy.convert_to_account`: per requested bar, units of the
    /// strategy's currency per unit of the requested symbol's (empty: 1), or
    /// why there is no such rate.
    var accountFactors: [Double] {
        @inline(__always) _read { yield state.pointee.accountFactors }
        @inline(__always) _modify { yield &state.pointee.accountFactors }
    }
    var accountRateFailure: String? {
        @inline(__always) _read { yield state.pointee.accountRateFailure }
        @inline(__always) _modify { yield &state.pointee.accountRateFailure }
    }
    /// Calendar fields in the chart time zone, cached per bar.
    var clock: ZoneClock {
        @inline(__always) _read { yield state.pointee.clock }
        @inline(__always) _modify { yield &state.pointee.clock }
    }
    private var cachedFieldsBar: Int {
        @inline(__always) _read { yield state.pointee.cachedFieldsBar }
        @inline(__always) _modify { yield &state.pointee.cachedFieldsBar }
    }
    private var cachedFields: CalendarFields {
        @inline(__always) _read { yield state.pointee.cachedFields }
        @inline(__always) _modify { yield &state.pointee.cachedFields }
    }
    /// The broker the strategy's orders go to (nil for indicators).
    var broker: Broker? {
        @inline(__always) _read { yield state.pointee.broker }
        @inline(__always) _modify { yield &state.pointee.broker }
    }
    /// Loop iterations left on this bar before a runaway loop is stopped.
    var loopBudget: Int {
        @inline(__always) _read { yield state.pointee.loopBudget }
        @inline(__always) _modify { yield &state.pointee.loopBudget }
    }
    /// True when `plot()` values are recorded on this run.
    var recordsPlots: Bool {
        @inline(__always) _read { yield state.pointee.recordsPlots }
        @inline(__always) _modify { yield &state.pointee.recordsPlots }
    }
    /// The file name used in runtime error messages.
    var fileName: String {
        @inline(__always) _read { yield state.pointee.fileName }
        @inline(__always) _modify { yield &state.pointee.fileName }
    }

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
        loopBudget = ScriptLimits.maxLoopIterationsPerBar
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
