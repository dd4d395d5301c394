import Foundation
import PFData
import PineEngine

// Engine benchmarks: the compiler, runtime and broker. Run from the repository root:
//   swift run -c release --package-path Benchmarks EngineBench
// Figures are medians over repeated runs; the machine is shared, so compare
// ratios rather than absolute times.

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? .nan : s[s.count / 2]
}

func time(_ body: () throws -> Void) rethrows -> Double {
    let t0 = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
}

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
let feed = root.appendingPathComponent("sweeps/data/ETHUSDT-PERP_15m.csv").path
let market = try MarketData.load(path: feed)

let smaCross = """
    //@version=6
    strategy("dual SMA flip", overlay=true, initial_capital=100000, default_qty_type=strategy.fixed, default_qty_value=1)
    fastLen = input.int(10, "Fast SMA", minval=1)
    slowLen = input.int(30, "Slow SMA", minval=2)
    fastMa = ta.sma(close, fastLen)
    slowMa = ta.sma(close, slowLen)
    if ta.crossover(fastMa, slowMa)
        strategy.entry("Long", strategy.long)
    if ta.crossunder(fastMa, slowMa)
        strategy.entry("Short", strategy.short)
    """

let program = try PineProgram.compile(source: smaCross, fileName: "sma_cross.pine")
let data = try PreparedData(market: market, scriptTimeframe: nil)
let runner = try ScriptRunner(program: program, data: data)
let repetitions = Int(ProcessInfo.processInfo.environment["REPS"] ?? "") ?? 30
// `EngineBench objects` skips the backtests (for profiling the object scripts).
let objectsOnly = CommandLine.arguments.dropFirst().first == "objects"

var plain: [Double] = []
var trades = 0
for _ in 0..<(objectsOnly ? 0 : repetitions) {
    plain.append(try time { trades = try runner.run(RunOptions()).report.trades.count })
}
print(String(format: "dual SMA crossover, %d bars, %d trades: median %.2f ms per backtest (target <= 9 ms)", data.bars.count, trades, median(plain)))
// `EngineBench plain` stops here (for profiling the plain backtest alone).
if CommandLine.arguments.dropFirst().first == "plain" { exit(0) }

var magnified: [Double] = []
let endpoints = RunOptions(magnifier: .synthetic(samples: 4, distribution: .endpoints))
for _ in 0..<(objectsOnly ? 0 : repetitions) {
    magnified.append(try time { _ = try runner.run(endpoints) })
}
print(String(format: "  with synthetic endpoints magnifier (4 samples): median %.2f ms, %.2fx the plain run (target <= 1.5x)", median(magnified), median(magnified) / median(plain)))

// `EngineBench backtest` stops here (for profiling the backtest alone).
if CommandLine.arguments.dropFirst().first == "backtest" { exit(0) }

// Indicator-only script on 1,000,000 synthetic bars.
let n = 1_000_000
var t: [Int64] = [], o: [Double] = [], h: [Double] = [], l: [Double] = [], c: [Double] = [], v: [Double] = []
t.reserveCapacity(n)
var price = 100.0
var seed: UInt64 = 42
for i in 0..<n {
    seed = seed &* 6364136223846793005 &+ 1442695040888963407
    let r = Double(seed >> 11) / Double(1 << 53) - 0.5
    let open = price
    price = max(1, price + r)
    t.append(Int64(i) * 60_000)
    o.append(open)
    h.append(max(open, price) + 0.1)
    l.append(min(open, price) - 0.1)
    c.append(price)
    v.append(1000)
}
let big = BarStore(time: t, open: o, high: h, low: l, close: c, volume: v)
let indicatorScript = """
    //@version=6
    indicator("ta mix")
    s = ta.sma(close, 20)
    e = ta.ema(close, 20)
    r = ta.rsi(close, 14)
    a = ta.atr(14)
    [m, sig, hist] = ta.macd(close, 12, 26, 9)
    plot(s)
    plot(e)
    plot(r)
    plot(a)
    plot(hist)
    """
let indicatorProgram = try PineProgram.compile(source: indicatorScript, fileName: "ta_mix.pine")
let bigData = try PreparedData(store: big, sourceTimeframe: Timeframe("1"))
let indicatorRunner = try ScriptRunner(program: indicatorProgram, data: bigData)
var indicatorTimes: [Double] = []
for _ in 0..<max(3, repetitions / 5) {
    indicatorTimes.append(try time { _ = try indicatorRunner.run(RunOptions()) })
}
let m = median(indicatorTimes)
print(String(format: "indicator script (sma, ema, rsi, atr, macd) on 1,000,000 bars: median %.1f ms = %.1f million bars/s (target >= 20)", m, Double(n) / m / 1000))

// A market-structure tracker: pivots kept as user-defined objects in an array
// (at most 50), touched by a method when price comes back to them. It takes
// far longer than the rest, so it runs only when asked for: the argument
// `pivot-objects` or the environment variable PIVOT_OBJECTS=1.
let runPivotObjects =
    CommandLine.arguments.dropFirst().contains("pivot-objects")
    || ProcessInfo.processInfo.environment["PIVOT_OBJECTS"] == "1"
let pivotScript = """
    //@version=6
    indicator("pivot objects")
    type Pivot
        float price
        int bar
        int touches = 0
    method touch(Pivot this) =>
        this.touches += 1
    var pivots = array.new<Pivot>()
    ph = ta.pivothigh(high, 5, 5)
    if not na(ph)
        pivots.push(Pivot.new(ph, bar_index - 5))
        if pivots.size() > 50
            pivots.shift()
    int touched = 0
    for p in pivots
        if high >= p.price and low <= p.price
            p.touch()
            touched += 1
    plot(touched)
    plot(pivots.size())
    """
if runPivotObjects {
    let pivotProgram = try PineProgram.compile(source: pivotScript, fileName: "pivot_objects.pine")
    let pivotRunner = try ScriptRunner(program: pivotProgram, data: bigData)
    var pivotTimes: [Double] = []
    for _ in 0..<max(3, repetitions / 5) {
        pivotTimes.append(try time { _ = try pivotRunner.run(RunOptions()) })
    }
    let pm = median(pivotTimes)
    print(String(format: "pivot objects script (array of user-defined objects, methods) on 1,000,000 bars: median %.1f ms = %.1f million bars/s", pm, Double(n) / pm / 1000))
} else {
    print("pivot objects script: skipped (run with the argument pivot-objects or PIVOT_OBJECTS=1)")
}

// A pivot tracker: every confirmed pivot high and low becomes a Pivot object
// pushed to an array capped at 40, scanned on every bar for the nearest
// untouched level above and below the close. No object is created on a bar
// without a new pivot.
let pivotTrackerScript = """
    //@version=6
    indicator("pivot tracker")
    type Pivot
        float price
        int bar
        bool isHigh
        bool touched = false
    var pivots = array.new<Pivot>()
    ph = ta.pivothigh(high, 5, 5)
    pl = ta.pivotlow(low, 5, 5)
    if not na(ph)
        pivots.push(Pivot.new(ph, bar_index - 5, true))
    if not na(pl)
        pivots.push(Pivot.new(pl, bar_index - 5, false))
    while pivots.size() > 40
        pivots.shift()
    float above = na
    float below = na
    for p in pivots
        if not p.touched and high >= p.price and low <= p.price
            p.touched := true
        if not p.touched
            if p.price > close and (na(above) or p.price < above)
                above := p.price
            if p.price < close and (na(below) or p.price > below)
                below := p.price
    plot(above)
    plot(below)
    """
let trackerProgram = try PineProgram.compile(source: pivotTrackerScript, fileName: "pivot_tracker.pine")
let trackerRunner = try ScriptRunner(program: trackerProgram, data: bigData)
var trackerTimes: [Double] = []
for _ in 0..<max(3, repetitions / 5) {
    trackerTimes.append(try time { _ = try trackerRunner.run(RunOptions()) })
}
let tm = median(trackerTimes)
print(String(format: "pivot tracker script (Pivot objects on pivot highs and lows, array capped at 40, scanned each bar) on 1,000,000 bars: median %.1f ms = %.1f million bars/s (indicator script: %.1f)", tm, Double(n) / tm / 1000, Double(n) / m / 1000))
