import Foundation
import PFData
@testable import PineEngine
import PineLanguage
import Testing

/// `strategy.*` account variables read on the last bar agree with the run's own report.
@Suite struct StrategyVariableTests {
    static let source = """
        //@version=6
        strategy("vars", initial_capital = 10000, commission_type = strategy.commission.percent, commission_value = 0.05)
        f = ta.sma(close, 9)
        s = ta.sma(close, 30)
        if ta.crossover(f, s)
            strategy.entry("L", strategy.long)
        if ta.crossunder(f, s)
            strategy.entry("S", strategy.short)
        plot(strategy.netprofit_percent, "netprofit_percent")
        plot(strategy.grossprofit_percent, "grossprofit_percent")
        plot(strategy.grossloss_percent, "grossloss_percent")
        plot(strategy.avg_trade, "avg_trade")
        plot(strategy.avg_trade_percent, "avg_trade_percent")
        plot(strategy.avg_winning_trade, "avg_winning_trade")
        plot(strategy.avg_losing_trade, "avg_losing_trade")
        plot(strategy.max_drawdown, "max_drawdown")
        plot(strategy.max_drawdown_percent, "max_drawdown_percent")
        plot(strategy.max_runup, "max_runup")
        """

    @Test func lastBarValuesMatchTheReport() throws {
        let data = try PineParityFeed.prepared(5000)
        let program = try PineProgram.compile(source: Self.source, fileName: "vars.pine")
        let result = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
        let last = result.lastPlotValues
        let trades = result.report.trades
        #expect(trades.count > 20)
        let net = trades.reduce(0) { $0 + $1.pnl }
        let wins = trades.filter { $0.pnl > 0 }
        let losses = trades.filter { $0.pnl < 0 }
        func near(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) <= 1e-9 * max(1, abs(b)) } ?? false }
        #expect(near(last["netprofit_percent"], net / 10000 * 100))
        #expect(near(last["grossprofit_percent"], wins.reduce(0) { $0 + $1.pnl } / 10000 * 100))
        #expect(near(last["grossloss_percent"], -losses.reduce(0) { $0 + $1.pnl } / 10000 * 100))
        #expect(near(last["avg_trade"], net / Double(trades.count)))
        #expect(near(last["avg_trade_percent"], trades.reduce(0) { $0 + $1.pnlPercent } / Double(trades.count)))
        #expect(near(last["avg_winning_trade"], wins.reduce(0) { $0 + $1.pnl } / Double(wins.count)))
        #expect(near(last["avg_losing_trade"], -losses.reduce(0) { $0 + $1.pnl } / Double(losses.count)))
        // Drawdown from the per-bar equity curve: largest fall from a running peak, money and % of it.
        var peak = -Double.infinity, worst = 0.0, worstPct = 0.0, trough = Double.infinity, runup = 0.0
        for eq in result.report.equityCurve.equity {
            if eq > peak { peak = eq; trough = eq }
            trough = min(trough, eq)
            worst = max(worst, peak - eq)
            worstPct = max(worstPct, (peak - eq) / peak * 100)
            runup = max(runup, eq - trough)
        }
        #expect(worst > 0)
        #expect(near(last["max_drawdown"], worst))
        #expect(near(last["max_drawdown_percent"], worstPct))
        #expect(near(last["max_runup"], runup))
    }

    /// Trade percents are of the entry's value with the point value, as
    /// the profit they divide is: point value 50, long 1 from bar 1's open
    /// (100, value 5,000); bar 1 goes down to 95 first, then up to 110 and
    /// closes at 105 (open profit 250 = 5%, run-up 500 = 10%, drawdown 250
    /// = 5%); the close fills at bar 3's open, 108 (profit 400 = 8%).
    @Test func tradePercentsAreOfTheEntryValueWithThePointValue() throws {
        let source = """
            //@version=6
            strategy("pv")
            if bar_index == 0
                strategy.entry("L", strategy.long, qty = 1)
            if bar_index == 2
                strategy.close("L")
            plot(strategy.opentrades.profit_percent(0), "open profit")
            plot(strategy.opentrades.max_runup_percent(0), "open runup")
            plot(strategy.opentrades.max_drawdown_percent(0), "open drawdown")
            plot(strategy.closedtrades.profit_percent(0), "closed profit")
            plot(strategy.closedtrades.max_runup_percent(0), "closed runup")
            plot(strategy.closedtrades.max_drawdown_percent(0), "closed drawdown")
            """
        let bars: [(Double, Double, Double, Double)] = [
            (100, 100, 100, 100), (100, 110, 95, 105), (105, 106, 104, 105), (108, 108, 108, 108),
        ]
        let start: Int64 = 1_704_067_200_000
        let store = BarStore(
            time: bars.indices.map { start + Int64($0) * 900_000 }, open: bars.map { $0.0 }, high: bars.map { $0.1 },
            low: bars.map { $0.2 }, close: bars.map { $0.3 }, volume: bars.map { _ in 1 })
        let data = try PreparedData(store: store, sourceTimeframe: Timeframe("15"), pointValue: 50)
        let program = try PineProgram.compile(source: source, fileName: "pv.pine")
        let result = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
        func at(_ title: String, _ bar: Int) -> Double? { result.plots.first { $0.title == title }?.values[bar] }
        func near(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-9 } ?? false }
        #expect(result.report.trades.first?.pnl == 400)
        #expect(near(at("open profit", 1), 5))
        #expect(near(at("open runup", 1), 10))
        #expect(near(at("open drawdown", 1), 5))
        #expect(near(at("closed profit", 3), 8))
        #expect(near(at("closed runup", 3), 10))
        #expect(near(at("closed drawdown", 3), 5))
    }

    /// The largest long and short positions held so far. Long 1 fills at
    /// bar 1's open, a pyramided 2 more at bar 2's (long 3), a short 2 placed
    /// on bar 3 reverses at bar 4's open (short 2), close_all flattens at
    /// bar 6's. Values are read at each bar's close, after its fills.
    @Test func maxContractsHeldTrackThePeakPositions() throws {
        let source = """
            //@version=6
            strategy("held", pyramiding = 3)
            if bar_index == 0
                strategy.entry("L1", strategy.long, qty = 1)
            if bar_index == 1
                strategy.entry("L2", strategy.long, qty = 2)
            if bar_index == 3
                strategy.entry("S", strategy.short, qty = 5)
            if bar_index == 5
                strategy.close_all()
            plot(strategy.max_contracts_held_long, "long")
            plot(strategy.max_contracts_held_short, "short")
            plot(strategy.max_contracts_held_all, "all")
            plot(strategy.closedtrades.first_index, "first")
            """
        let start: Int64 = 1_704_067_200_000
        let n = 8
        let prices = (0..<n).map { 100 + Double($0) }
        let store = BarStore(
            time: (0..<n).map { start + Int64($0) * 900_000 }, open: prices, high: prices.map { $0 + 0.5 },
            low: prices.map { $0 - 0.5 }, close: prices, volume: prices.map { _ in 1 })
        let data = try PreparedData(store: store, sourceTimeframe: Timeframe("15"))
        let program = try PineProgram.compile(source: source, fileName: "held.pine")
        let result = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
        func series(_ title: String) -> [Double] { result.plots.first { $0.title == title }?.values ?? [] }
        #expect(series("long") == [0, 1, 3, 3, 3, 3, 3, 3])
        #expect(series("short") == [0, 0, 0, 0, 5, 5, 5, 5])
        // The larger of the two: the long peak until the short one passes it.
        #expect(series("all") == [0, 1, 3, 3, 5, 5, 5, 5])
        #expect(series("first") == Array(repeating: 0, count: n))
        #expect(result.report.trades.count == 3)
    }
}
