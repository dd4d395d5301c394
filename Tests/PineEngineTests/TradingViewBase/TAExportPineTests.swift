import Foundation
import PFData
@testable import PineEngine
import Testing

/// Every TradingView `ta.*` export in `Fixtures/tradingview/ta` reproduced by running a Pine
/// script through the whole engine (compile, prepare, run, plots): one plot per exported
/// column, titled with the column's header, compared on every row within relative 1e-5
/// (absolute 1e-8) with `na` exactly where TradingView has it. What the headers do not say
/// (the ema definitions, the 0.5/1/-1 encodings, ppp's percentage 20, supertrend's up/down,
/// the session information of vwap and pivot_point_levels) is in the fixtures' README.
@Suite("TradingView ta.* exports through Pine")
struct TAExportPineTests {
    /// Runs `body` (the script's lines after `indicator(...)`) over the fixture's bars and
    /// checks every exported column. `symbol` names a symbol TOML file beside the
    /// fixture (exchange time zone and sessions).
    private func check(
        _ file: String, symbol: String? = nil, _ body: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let fixture = try TAFixture.load(file)
        #expect(fixture.count > 50, sourceLocation: sourceLocation)
        let script = "//@version=6\nindicator(\"\(file)\")\n" + body
        let program = try PineProgram.compile(source: script, fileName: file + ".pine")
        let data = try Self.prepared(fixture, symbol: symbol)
        let result = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
        let computed = result.plotSeries
        #expect(computed.count == fixture.expressionHeaders.count, sourceLocation: sourceLocation)
        let problems = fixture.mismatches(computed)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    /// The fixture's bars (time in Unix seconds) as the engine's prepared data, on the
    /// timeframe of their spacing, with the symbol file's zone and sessions when given.
    static func prepared(_ fixture: TAFixture, symbol: String?) throws -> PreparedData {
        let seconds = try fixture.series("time")
        let times = seconds.map { Int64($0) * 1000 }
        let store = try BarStore(
            time: times, open: fixture.open, high: fixture.high, low: fixture.low, close: fixture.close,
            volume: fixture.volume)
        let spacing = zip(times.dropFirst(), times).map { $0 - $1 }.min() ?? 0
        let timeframe = Timeframe(seconds: spacing / 1000)
        guard let symbol else { return try PreparedData(store: store, sourceTimeframe: timeframe) }
        let path = TAFixture.directory("ta").appendingPathComponent(symbol).path
        let market = MarketData(
            bars: store, timeframe: timeframe, symbol: try SymbolInfo.load(path: path), sourcePath: path,
            ohlcvPath: path, gaps: [])
        return try PreparedData(market: market, scriptTimeframe: nil)
    }

    @Test func movingAverages() throws {
        try check(
            "ma.csv",
            """
            plot(ta.sma(close, 10), "ta.sma(close, 10)")
            plot(ta.sma(hl2, 20), "ta.sma(hl2, 20)")
            plot(ta.sma(hlc3, 15), "ta.sma(hlc3, 15)")
            plot(ta.ema(close, 20), "ta.ema(close, 20)")
            plot(ta.ema(ohlc4, 10), "ta.ema(ohlc4, 10)")
            plot(ta.rma(hlcc4, 5), "ta.rma(hlcc4, 5)")
            plot(ta.rma(high, 15), "ta.rma(high, 15)")
            plot(ta.alma(close, 5, 0.85, 6), "ta.alma(close, 5, 0.85, 6)")
            plot(ta.alma(close, 10, 0.55, 12), "ta.alma(close, 10, 0.55, 12)")
            plot(ta.wma(close, 5), "ta.wma(close, 5)")
            plot(ta.wma(close, 20), "ta.wma(close, 20)")
            plot(ta.hma(close, 9), "ta.hma(close, 9)")
            plot(ta.hma(close, 20), "ta.hma(close, 20)")
            plot(ta.swma(hlc3), "ta.swma(hlc3)")
            plot(ta.vwma(close, 20), "ta.vwma(close, 20)")
            """)
    }

    @Test func accdistPviPvtWadWvad() throws {
        try check(
            "accdist+pvi+pvt+wad+wvad.csv",
            """
            plot(ta.accdist, "ta.accdist")
            plot(ta.pvi, "ta.pvi")
            plot(ta.pvt, "ta.pvt")
            plot(ta.wad, "ta.wad")
            plot(ta.wvad, "ta.wvad")
            """)
    }

    @Test func bollingerBands() throws {
        try check(
            "bb.csv",
            """
            [base, upper, lower] = ta.bb(close, 20, 2)
            plot(base, "ta.bb(close, 20, 2).base")
            plot(upper, "ta.bb(close, 20, 2).upper")
            plot(lower, "ta.bb(close, 20, 2).lower")
            plot(ta.bbw(close, 20, 2.1), "ta.bbw(close, 20, 2.1)")
            """)
    }

    @Test func cciCmoCog() throws {
        try check(
            "cci+cmo+cog.csv",
            """
            plot(ta.cmo(close, 20), "ta.cmo(close, 20)")
            plot(ta.cci(close, 20), "ta.cci(close, 20)")
            plot(ta.cog(close, 21), "ta.cog(close, 21)")
            """)
    }

    @Test func correlation() throws {
        try check(
            "correlation.csv",
            """
            plot(ta.correlation(ta.sma(close, 20), ta.ema(close, 10), 20), "correlation")
            """)
    }

    @Test func crosses() throws {
        try check(
            "cross.csv",
            """
            ema1 = ta.ema(close, 5)
            ema2 = ta.ema(close, 11)
            plot(ta.cross(ema1, ema2) ? 0.5 : 0, "ta.cross(ema1, ema2)")
            plot(ta.crossover(ema1, ema2) ? 1 : 0, "ta.crossover(ema1, ema2)")
            plot(ta.crossunder(ema1, ema2) ? -1 : 0, "ta.crossunder(ema1, ema2)")
            """)
    }

    @Test func dmi() throws {
        try check(
            "dmi.csv",
            """
            [dip, dim, adx] = ta.dmi(17, 14)
            plot(dip, "ta.dmi(17, 14).dip")
            plot(dim, "ta.dmi(17, 14).dim")
            plot(adx, "ta.dmi(17, 14).adx")
            """)
    }

    @Test func fallingRising() throws {
        try check(
            "falling+rising.csv",
            """
            ema = ta.ema(close, 20)
            plot(ta.falling(ema, 5) ? -1 : 0, "ta.falling(ema, 5)")
            plot(ta.rising(ema, 5) ? 1 : 0, "ta.rising(ema, 5)")
            """)
    }

    @Test func highestLowest() throws {
        try check(
            "highest+lowest.csv",
            """
            plot(ta.highest(10), "ta.highest(10)")
            plot(ta.highest(close, 10), "ta.highest(close, 10)")
            plot(ta.lowest(10), "ta.lowest(10)")
            plot(ta.lowest(close, 10), "ta.lowest(close, 10)")
            plot(ta.highestbars(10), "ta.highestbars(10)")
            plot(ta.highestbars(close, 10), "ta.highestbars(close, 10)")
            plot(ta.lowestbars(10), "ta.lowestbars(10)")
            plot(ta.lowestbars(close, 10), "ta.lowestbars(close, 10)")
            """)
    }

    @Test func iiiNviObv() throws {
        try check(
            "iii+nvi+obv.csv",
            """
            plot(ta.iii, "ta.iii")
            plot(ta.nvi, "ta.nvi")
            plot(ta.obv, "ta.obv")
            """)
    }

    @Test func keltnerChannels() throws {
        try check(
            "kc.csv",
            """
            [base, upper, lower] = ta.kc(close, 20, 2)
            plot(base, "ta.kc(close, 20, 2).base")
            plot(upper, "ta.kc(close, 20, 2).upper")
            plot(lower, "ta.kc(close, 20, 2).lower")
            plot(ta.kcw(close, 20, 2.1, useTrueRange=false), "ta.kcw(close, 20, 2.1, useTrueRange=false)")
            """)
    }

    @Test func linreg() throws {
        try check(
            "linreg.csv",
            """
            plot(ta.linreg(close, 20, 0), "ta.linreg(close, 20, 0)")
            plot(ta.linreg(close, 20, 10), "ta.linreg(close, 20, 10)")
            """)
    }

    @Test func macd() throws {
        try check(
            "macd.csv",
            """
            [m, s, h] = ta.macd(close, 12, 26, 9)
            plot(m, "ta.macd(close, 12, 26, 9).macd")
            plot(s, "ta.macd(close, 12, 26, 9).signal")
            plot(h, "ta.macd(close, 12, 26, 9).hist")
            """)
    }

    @Test func mfiRsiStoch() throws {
        try check(
            "mfi+rsi+stoch.csv",
            """
            plot(ta.mfi(close, 14), "ta.mfi(close, 14)")
            plot(ta.rsi(close, 14), "ta.rsi(close, 14)")
            plot(ta.stoch(close, high, low, 20), "ta.stoch(close, high, low, 20)")
            """)
    }

    /// `min`/`max` are the all-time `ta.min`/`ta.max`; median and mode over 20 bars.
    @Test func minMaxMedianMode() throws {
        try check(
            "min+max+median+mode.csv",
            """
            plot(ta.min(close), "min(close)")
            plot(ta.max(close), "max(close)")
            plot(ta.median(close, 20), "median(close)")
            plot(ta.mode(close, 20), "mode(close)")
            """)
    }

    @Test func pivots() throws {
        try check(
            "pivot.csv",
            """
            plot(ta.pivothigh(10, 5), "ta.pivothigh(10, 5)")
            plot(ta.pivothigh(close, 10, 5), "ta.pivothigh(close, 10, 5)")
            plot(ta.pivotlow(10, 5), "ta.pivotlow(10, 5)")
            plot(ta.pivotlow(close, 10, 5), "ta.pivotlow(close, 10, 5)")
            """)
    }

    /// FX:EURUSD 30m: the day starts with the 17:00 New York session (`pivot_point_levels.toml`).
    @Test func pivotPointLevels() throws {
        try check(
            "pivot_point_levels.csv", symbol: "pivot_point_levels.toml",
            """
            daily = timeframe.change("D")
            trad = ta.pivot_point_levels("Traditional", daily, false)
            plot(array.get(trad, 0), "P_trad")
            plot(array.get(trad, 1), "R1_trad")
            plot(array.get(trad, 2), "S1_trad")
            plot(array.get(trad, 3), "R2_trad")
            plot(array.get(trad, 4), "S2_trad")
            plot(array.get(trad, 5), "R3_trad")
            plot(array.get(trad, 6), "S3_trad")
            fib = ta.pivot_point_levels("Fibonacci", daily, false)
            plot(array.get(fib, 0), "P_fib")
            plot(array.get(fib, 1), "R1_fib")
            plot(array.get(fib, 2), "S1_fib")
            dm = ta.pivot_point_levels("DM", daily, false)
            plot(array.get(dm, 0), "P_dm")
            plot(array.get(dm, 1), "R1_dm")
            plot(array.get(dm, 2), "S1_dm")
            cam = ta.pivot_point_levels("Camarilla", daily, false)
            plot(array.get(cam, 0), "P_cam")
            plot(array.get(cam, 7), "R4_cam")
            plot(array.get(cam, 8), "S4_cam")
            woodie = ta.pivot_point_levels("Woodie", daily, false)
            plot(array.get(woodie, 0), "P_woodie")
            """)
    }

    /// The two percentile columns are titled 30 and 0 but were plotted with percentage 20.
    @Test func percentiles() throws {
        try check(
            "ppp.csv",
            """
            plot(ta.percentile_linear_interpolation(close, 20, 20), "ta.percentile_linear_interpolation(close, 20, 30)")
            plot(ta.percentile_nearest_rank(close, 20, 20), "ta.percentile_nearest_rank(close, 20, 0)")
            plot(ta.percentrank(close, 33), "ta.percentrank(close, 33)")
            """)
    }

    @Test func range() throws {
        try check("range.csv", "plot(ta.range(close, 20), \"ta.range(close, 20)\")\n")
    }

    @Test func rci() throws {
        try check(
            "rci.csv",
            """
            plot(ta.rci(close, 5), "ta.rci(close, 5)")
            plot(ta.rci(close, 20), "ta.rci(close, 20)")
            plot(ta.rci(hl2, 20), "ta.rci(hl2, 20)")
            plot(hl2, "hl2")
            """)
    }

    @Test func sar() throws {
        try check("sar.csv", "plot(ta.sar(0.02, 0.02, 0.2), \"ta.sar(0.02, 0.02, 0.2)\")\n")
    }

    @Test func supertrend() throws {
        try check(
            "supertrend.csv",
            """
            [st, dir] = ta.supertrend(3, 10)
            plot(dir < 0 ? st : na, "ta.supertrend(3, 10).up")
            plot(dir > 0 ? st : na, "ta.supertrend(3, 10).down")
            """)
    }

    @Test func trueRangeAndATR() throws {
        try check(
            "tr.csv",
            """
            plot(ta.tr(false), "ta.tr(false)")
            plot(ta.tr(true), "ta.tr(true)")
            plot(ta.tr, "ta.tr")
            plot(ta.atr(14), "ta.atr(14)")
            """)
    }

    @Test func tsi() throws {
        try check("tsi.csv", "plot(ta.tsi(close, 12, 26), \"ta.tsi(close, 12, 26)\")\n")
    }

    @Test func valueWhen() throws {
        try check(
            "valuewhen.csv",
            """
            slow = ta.sma(close, 7)
            fast = ta.sma(close, 14)
            plot(ta.valuewhen(ta.cross(slow, fast), close, 1), "ta.valuewhen(ta.cross(slow, fast), close, 1)")
            """)
    }

    @Test func valueWhenNA() throws {
        try check(
            "valuewhen_na.csv",
            """
            cond = bar_index % 3 == 0
            src = bar_index % 2 == 0 ? na : close
            plot(ta.valuewhen(cond, src, 0), "v0")
            plot(ta.valuewhen(cond, src, 1), "v1")
            plot(ta.valuewhen(cond, src, 2), "v2")
            plot(ta.valuewhen(cond, close, 0), "w0")
            """)
    }

    /// CAPITALCOM:EURUSD 15m (`vwap.toml`): sessions start at 17:00 New York; the anchored
    /// forms count their 4h/6h periods from the session start.
    @Test func vwap() throws {
        try check(
            "vwap.csv", symbol: "vwap.toml",
            """
            plot(ta.vwap(close), "ta.vwap(close)")
            plot(ta.vwap(close, timeframe.change("240")), 'ta.vwap(close, timeframe.change("240"))')
            [v, upper, lower] = ta.vwap(close, timeframe.change("360"), 2.0)
            plot(v, 'ta.vwap(close, timeframe.change("360"), 2.0).vwap')
            plot(upper, 'ta.vwap(close, timeframe.change("360"), 2.0).upper_band')
            plot(lower, 'ta.vwap(close, timeframe.change("360"), 2.0).lower_band')
            """)
    }

    @Test func wpr() throws {
        try check("wpr.csv", "plot(ta.wpr(20), \"ta.wpr(20)\")\n")
    }

    /// The comparison can fail: a script plotting the wrong length is reported.
    @Test func wrongScriptIsDetected() throws {
        let fixture = try TAFixture.load("range.csv")
        let script = "//@version=6\nindicator(\"x\")\nplot(ta.range(close, 19), \"ta.range(close, 20)\")\n"
        let program = try PineProgram.compile(source: script, fileName: "x.pine")
        let result = try ScriptRunner(program: program, data: try Self.prepared(fixture, symbol: nil))
            .run(RunOptions(), recordPlots: true)
        let problems = fixture.mismatches(result.plotSeries)
        #expect(problems.count == 1)
    }

    /// An unknown pivot system is a run-time error naming the call, not silent `na`s.
    @Test func unknownPivotTypeIsAnError() throws {
        let fixture = try TAFixture.load("range.csv")
        let script = """
            //@version=6
            indicator("x")
            levels = ta.pivot_point_levels("Nope", timeframe.change("D"))
            plot(array.get(levels, 0))
            """
        let program = try PineProgram.compile(source: script, fileName: "x.pine")
        let runner = try ScriptRunner(program: program, data: try Self.prepared(fixture, symbol: nil))
        #expect {
            _ = try runner.run(RunOptions(), recordPlots: true)
        } throws: { error in
            "\(error)".contains("x.pine:3") && "\(error)".contains("Nope")
        }
    }
}
