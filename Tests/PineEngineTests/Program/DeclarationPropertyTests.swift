import Foundation
import PFData
@testable import PineEngine
import PineLanguage
import Testing

/// `strategy()` / `indicator()` arguments that change results are applied or refused, never
/// ignored.
@Suite struct DeclarationPropertyTests {
    static func data(currency: String? = nil) throws -> PreparedData {
        let store = PineParityFeed.prefix(8000)
        guard let currency else { return try PreparedData(store: store, sourceTimeframe: Timeframe("15")) }
        let symbol = SymbolInfo(ticker: "ETHUSDT", currency: currency, period: "15", mintick: 0.01)
        let market = MarketData(
            bars: store, timeframe: Timeframe("15"), symbol: symbol, sourcePath: "x.csv", ohlcvPath: "x.ohlcv", gaps: [])
        return try PreparedData(market: market, scriptTimeframe: nil)
    }

    static func strategy(_ properties: String) -> String {
        """
        //@version=6
        strategy("p", initial_capital = 10000\(properties))
        f = ta.sma(close, 10)
        s = ta.sma(close, 40)
        if ta.crossover(f, s)
            strategy.entry("L", strategy.long)
        if ta.crossunder(f, s)
            strategy.entry("S", strategy.short)
        """
    }

    @Test func riskFreeRateChangesSharpeAndSortinoOnly() throws {
        let data = try Self.data()
        let base = try ScriptRunner(program: try PineProgram.compile(source: Self.strategy(""), fileName: "a.pine"), data: data)
            .run(RunOptions()).report
        let zero = try ScriptRunner(
            program: try PineProgram.compile(source: Self.strategy(", risk_free_rate = 0"), fileName: "b.pine"), data: data
        ).run(RunOptions()).report
        #expect(base.trades == zero.trades)
        #expect(base.metrics.equity.sharpeMonthly.isFinite && zero.metrics.equity.sharpeMonthly.isFinite)
        #expect(zero.metrics.equity.sharpeMonthly > base.metrics.equity.sharpeMonthly)
        #expect(zero.metrics.equity.sortinoBar != base.metrics.equity.sortinoBar)
        #expect(zero.metrics.equity.maxEquityDrawdown == base.metrics.equity.maxEquityDrawdown)
        // The same through an override.
        let overridden = try ScriptRunner(
            program: try PineProgram.compile(source: Self.strategy(""), fileName: "c.pine"), data: data
        ).run(RunOptions(overrides: ["risk_free_rate": "0"])).report
        #expect(overridden.metrics.equity.sharpeMonthly == zero.metrics.equity.sharpeMonthly)
    }

    /// The declaration is read once, by the front end: constant expressions fold and
    /// positional arguments past the third map through the registry's signature, so
    /// `inspect` and `run` see the same properties.
    @Test func theDeclarationIsReadOnceWithConstantsFolded() throws {
        let folded = try PineProgram.compile(
            source: "//@version=6\nstrategy(\"p\", initial_capital = 1000 * 10, commission_value = 0.1 / 2, pyramiding = 1 + 2)\nplot(close)\n",
            fileName: "fold.pine")
        #expect(folded.strategy.initialCapital == 10_000)
        #expect(folded.strategy.commissionValue == 0.1 / 2)
        #expect(folded.strategy.pyramiding == 3)
        // strategy(title, shorttitle, overlay, format, precision, scale, pyramiding, ...)
        let positional = try PineProgram.compile(
            source: "//@version=6\nstrategy(\"p\", \"s\", true, format.price, 2, scale.right, 4)\nplot(close)\n",
            fileName: "positional.pine")
        #expect(positional.strategy.pyramiding == 4)
        #expect(positional.declared.title == "p")
        let checked = PineFrontEnd.check(source: positional.source, fileName: "positional.pine")
        #expect(checked.declaration?["pyramiding"] == .int(4))
        #expect {
            _ = try PineProgram.compile(
                source: "//@version=6\nstrategy(\"p\", initial_capital = close)\nplot(close)\n", fileName: "series.pine")
        } throws: { "\($0)".contains("series.pine:2:33") && "\($0)".contains("must be a constant") }
    }

    @Test func settingsThatCannotBeReproducedAreRefused() throws {
        let limits = try PineProgram.compile(source: Self.strategy(", backtest_fill_limits_assumption = 2"), fileName: "d.pine")
        #expect(limits.strategy.fillLimitsAssumption == 2)
        #expect {
            _ = try PineProgram.compile(
                source: "//@version=6\nindicator(\"i\", timeframe = \"60\")\nplot(close)\n", fileName: "e.pine")
        } throws: { "\($0)".contains("e.pine:2") && "\($0)".contains("timeframe") }
    }

    @Test func aCurrencyOtherThanTheSymbolsIsRefusedAtRunTime() throws {
        let program = try PineProgram.compile(source: Self.strategy(", currency = currency.EUR"), fileName: "f.pine")
        #expect {
            _ = try ScriptRunner(program: program, data: try Self.data(currency: "USDT")).run(RunOptions())
        } throws: { "\($0)".contains("EUR") && "\($0)".contains("USDT") }
        let same = try ScriptRunner(program: program, data: try Self.data(currency: "EUR")).run(RunOptions()).report
        #expect(same.trades.count > 10)
        let none = try PineProgram.compile(source: Self.strategy(", currency = currency.NONE"), fileName: "g.pine")
        #expect(try ScriptRunner(program: none, data: try Self.data(currency: "USDT")).run(RunOptions()).report.trades.count > 10)
    }
}

/// All-in positions against v6's default margin of 100: margin calls where the equity
/// falls short, none where the position is funded or the margin is 0.
@Suite struct MarginShortfallTests {
    static func run(direction: String, margin: String, rising: Bool) throws -> BacktestReport {
        let n = 60
        let start: Int64 = 1_736_035_200_000
        let closes = (0..<n).map { 100 + (rising ? 1.0 : -1.0) * Double($0) }
        let store = BarStore(
            time: (0..<n).map { start + Int64($0) * 900_000 }, open: closes, high: closes.map { $0 + 0.5 },
            low: closes.map { $0 - 0.5 }, close: closes, volume: Array(repeating: 1, count: n))
        let data = try PreparedData(store: store, sourceTimeframe: Timeframe("15"))
        let source = """
            //@version=6
            strategy("m", initial_capital = 1000, default_qty_type = strategy.percent_of_equity, default_qty_value = 100\(margin))
            if bar_index == 5
                strategy.entry("E", strategy.\(direction))
            """
        let program = try PineProgram.compile(source: source, fileName: "m.pine")
        return try ScriptRunner(program: program, data: data).run(RunOptions()).report
    }

    @Test func allInShortsAgainstARiseAreMarginCalled() throws {
        let short = try Self.run(direction: "short", margin: "", rising: true)
        // Sized at bar 5's close (105) with 1,000, filled at bar 6's open (106); at bar 6's
        // high (106.5) equity 1,000 - q x 0.5 < margin q x 106.5: the cover amount (no lot
        // step: not truncated) is bought back four times over.
        let q = 1000.0 / 105
        let available = 1000 - q * 0.5 - q * 106.5
        let first = try #require(short.trades.first)
        #expect(first.exitId == "Margin call")
        #expect(first.exitTime == Int64(1_736_035_200_000 + 6 * 900_000))
        #expect(abs(first.qty - 4 * (-available / 106.5)) < 1e-9)
        #expect(abs(first.exitPrice - 106.5) < 1e-9)
        #expect(short.counters.marginCalls > 1)
        #expect(short.counters.marginShortfallBars == 0)
        let summary = RunSummary(result: RunResult(report: short, plots: [], plotTimes: []), title: "m").text
        #expect(summary.contains("margin calls"))
    }

    @Test func fundedPositionsAndZeroMarginAreNotCalled() throws {
        #expect(try Self.run(direction: "long", margin: "", rising: false).counters.marginCalls == 0)
        // Sized at the signal bar's close (105) and filled at the next, higher open (106), an
        // all-in long costs more than the equity: called on its first bar.
        let overspent = try Self.run(direction: "long", margin: "", rising: true)
        #expect(overspent.trades.first?.exitId == "Margin call")
        #expect(overspent.trades.first?.exitTime == Int64(1_736_035_200_000 + 6 * 900_000))
        #expect(try Self.run(direction: "short", margin: ", margin_short = 0", rising: true).counters.marginCalls == 0)
        let leveraged = try Self.run(direction: "long", margin: ", margin_long = 50", rising: false)
        #expect(leveraged.counters.marginCalls == 0)
    }
}
