import PFData
@testable import PineEngine
import Testing

/// The `ta.*` built-in variables with state (`ta.obv`, `ta.vwap`, `ta.tr`,
/// ...) are series computed on every bar: read inside code that runs only on
/// some bars (an `if` body, a ternary arm, the right operand of `and`, a loop,
/// a function called sometimes) they give the same value as on every bar.
/// Expected values come from each variable's definition in the reference
/// manual, computed here from the bars.
@Suite struct StatefulVariableTests {
    /// Twenty-four 6-hour bars (four per UTC day) with uneven prices and volumes.
    static let n = 24
    static let close: [Double] = (0..<n).map { (i: Int) -> Double in
        let wave = Double((i * 7) % 11)
        return 95 + wave + Double(i) * 0.25
    }
    static let open: [Double] = (0..<n).map { (i: Int) -> Double in
        i == 0 ? 99 : close[i - 1] + Double(i % 3) - 1
    }
    static let high: [Double] = (0..<n).map { (i: Int) -> Double in
        let top: Double = max(open[i], close[i])
        return top + 1 + Double(i % 3)
    }
    static let low: [Double] = (0..<n).map { (i: Int) -> Double in
        let bottom: Double = min(open[i], close[i])
        return bottom - 1 - Double(i % 2)
    }
    static let volume: [Double] = (0..<n).map { (i: Int) -> Double in 100 + Double((i * 13) % 17) * 10 }

    static let bars = BarStore(
        time: (0..<n).map { Int64($0) * 21_600_000 }, open: open, high: high, low: low, close: close, volume: volume)

    func plots(_ source: String) throws -> [String: [Double]] {
        let program = try PineProgram.compile(source: source, fileName: "t.pine")
        let data = try PreparedData(store: Self.bars, sourceTimeframe: Timeframe("360"))
        let result = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
        return Dictionary(uniqueKeysWithValues: result.plots.map { ($0.title, $0.values) })
    }

    // The definitions, bar by bar over every bar.
    static let trueRange: [Double] = (0..<n).map { (i: Int) -> Double in
        guard i > 0 else { return .nan }
        let p: Double = close[i - 1]
        return max(high[i] - low[i], abs(high[i] - p), abs(low[i] - p))
    }
    static let obv: [Double] = running { i in i == 0 ? .nan : sign(close[i] - close[i - 1]) * volume[i] }
    static let accdist: [Double] = running { i in (2 * close[i] - low[i] - high[i]) / (high[i] - low[i]) * volume[i] }
    static let pvt: [Double] = running { i in i == 0 ? .nan : (close[i] - close[i - 1]) / close[i - 1] * volume[i] }
    static let wad: [Double] = running { i in
        guard i > 0 else { return 0 }
        let p = close[i - 1]
        if close[i] > p { return close[i] - min(low[i], p) }
        if close[i] < p { return close[i] - max(high[i], p) }
        return 0
    }
    /// Starts at 1; on a bar whose volume rose (fell), moves by the close's rate of change.
    static func volumeIndex(rising: Bool) -> [Double] {
        var out: [Double] = []
        var value = 1.0
        for i in 0..<n {
            if i > 0, rising ? volume[i] > volume[i - 1] : volume[i] < volume[i - 1] {
                value += (close[i] - close[i - 1]) / close[i - 1] * value
            }
            out.append(value)
        }
        return out
    }
    /// `sum(hlc3 * volume) / sum(volume)` since the start of the bar's UTC day (four bars a day).
    static let vwap: [Double] = (0..<n).map { (i: Int) -> Double in
        var weighted = 0.0
        var total = 0.0
        for j in (i - i % 4)...i {
            let hlc3: Double = (high[j] + low[j] + close[j]) / 3
            weighted += hlc3 * volume[j]
            total += volume[j]
        }
        return weighted / total
    }

    /// The cumulative sum of `term`: `na` terms add nothing, `na` until the first that is not.
    static func running(_ term: (Int) -> Double) -> [Double] {
        var sum = Double.nan
        return (0..<n).map { i in
            let t = term(i)
            if !t.isNaN { sum = sum.isNaN ? t : sum + t }
            return sum
        }
    }

    static func sign(_ x: Double) -> Double { x > 0 ? 1 : (x < 0 ? -1 : 0) }

    /// The last value stored on a bar where `runs(i)` was true, `na` before the first.
    static func heldWhere(_ runs: (Int) -> Bool, _ series: [Double]) -> [Double] {
        var held = Double.nan
        return (0..<n).map { i in
            if runs(i) { held = series[i] }
            return held
        }
    }

    func expectClose(_ got: [Double]?, _ expected: [Double], _ what: String) {
        guard let got, got.count == expected.count else {
            Issue.record("\(what): no plot or wrong length")
            return
        }
        for i in 0..<expected.count {
            let e = expected[i]
            let ok = e.isNaN ? got[i].isNaN : abs(got[i] - e) <= 1e-9 * max(1, abs(e))
            #expect(ok, "\(what) bar \(i): got \(got[i]), expected \(e)")
        }
    }

    @Test func readInsideAnIfBodyIsTheEveryBarSeries() throws {
        let p = try plots("""
            //@version=6
            indicator("t")
            var float obvIf = na
            var float accIf = na
            var float pvtIf = na
            var float wadIf = na
            var float pviIf = na
            var float nviIf = na
            var float vwapIf = na
            var float trIf = na
            if bar_index % 3 == 1
                obvIf := ta.obv
                accIf := ta.accdist
                pvtIf := ta.pvt
                wadIf := ta.wad
                pviIf := ta.pvi
                nviIf := ta.nvi
                vwapIf := ta.vwap
                trIf := ta.tr
            plot(obvIf, "obv")
            plot(accIf, "accdist")
            plot(pvtIf, "pvt")
            plot(wadIf, "wad")
            plot(pviIf, "pvi")
            plot(nviIf, "nvi")
            plot(vwapIf, "vwap")
            plot(trIf, "tr")
            """)
        let runs: (Int) -> Bool = { $0 % 3 == 1 }
        expectClose(p["obv"], Self.heldWhere(runs, Self.obv), "obv")
        expectClose(p["accdist"], Self.heldWhere(runs, Self.accdist), "accdist")
        expectClose(p["pvt"], Self.heldWhere(runs, Self.pvt), "pvt")
        expectClose(p["wad"], Self.heldWhere(runs, Self.wad), "wad")
        expectClose(p["pvi"], Self.heldWhere(runs, Self.volumeIndex(rising: true)), "pvi")
        expectClose(p["nvi"], Self.heldWhere(runs, Self.volumeIndex(rising: false)), "nvi")
        expectClose(p["vwap"], Self.heldWhere(runs, Self.vwap), "vwap")
        expectClose(p["tr"], Self.heldWhere(runs, Self.trueRange), "tr")
    }

    @Test func readInATernaryArmAndTheRightOfAnd() throws {
        let p = try plots("""
            //@version=6
            indicator("t")
            plot(bar_index % 2 == 0 ? ta.obv : -1, "ternary")
            above = close > open and close > ta.vwap
            plot(above ? 1 : 0, "and")
            plot(bar_index % 5 == 2 or ta.tr > 3 ? 1 : 0, "or")
            """)
        expectClose(p["ternary"], (0..<Self.n).map { $0 % 2 == 0 ? Self.obv[$0] : -1 }, "ternary")
        let above = (0..<Self.n).map { i -> Double in Self.close[i] > Self.open[i] && Self.close[i] > Self.vwap[i] ? 1 : 0 }
        expectClose(p["and"], above, "and")
        let or = (0..<Self.n).map { i -> Double in i % 5 == 2 || Self.trueRange[i] > 3 ? 1 : 0 }
        expectClose(p["or"], or, "or")
    }

    @Test func readInALoopAndInAFunctionCalledSometimes() throws {
        let p = try plots("""
            //@version=6
            indicator("t")
            pvtNow() => ta.pvt
            var float fromFunction = na
            if bar_index % 4 == 3
                fromFunction := pvtNow()
            float fromLoop = na
            for i = 1 to bar_index % 3
                fromLoop := ta.wad + i
            plot(fromFunction, "function")
            plot(fromLoop, "loop")
            """)
        expectClose(p["function"], Self.heldWhere({ $0 % 4 == 3 }, Self.pvt), "function")
        // `for i = 1 to 0` counts down (1, 0): the last iteration adds 0; `to 1` adds 1, `to 2` adds 2.
        let loop = (0..<Self.n).map { i -> Double in Self.wad[i] + Double(i % 3) }
        expectClose(p["loop"], loop, "loop")
    }

    @Test func readInsideRequestSecurityKeepsItsOwnBars() throws {
        // On the chart's own timeframe the requested bars are the chart's: same series.
        let p = try plots("""
            //@version=6
            indicator("t")
            plot(request.security(syminfo.tickerid, timeframe.period, ta.obv), "sec")
            """)
        expectClose(p["sec"], Self.obv, "sec")
    }
}
