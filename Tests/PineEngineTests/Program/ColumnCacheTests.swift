import Foundation
import PFData
import PineLanguage
@testable import PineEngine
import Testing

/// Speed features that must never change a result: pure series shared between runs
/// (`ColumnCache`) and bars skipped when every top-level `if` is false (gated bars).
@Suite struct ColumnCacheTests {
    static let strategy = """
        //@version=6
        strategy("cache", initial_capital = 10000, default_qty_type = strategy.percent_of_equity, default_qty_value = 100)
        fast = input.int(10, "Fast")
        slow = input.int(30, "Slow")
        src = input.source(close, "Source")
        trend = ta.sma(src, 200)
        fastMa = ta.sma(src, fast)
        slowMa = ta.ema(src, slow)
        up = close > trend
        if ta.crossover(fastMa, slowMa) and up
            strategy.entry("L", strategy.long)
        if ta.crossunder(fastMa, slowMa)
            strategy.close("L")
        """

    static func data() throws -> PreparedData {
        try PineParityFeed.prepared(6000)
    }

    static let settings: [[String: InputValue]] = [
        ["fast": .int(10), "slow": .int(30)], ["fast": .int(12), "slow": .int(30)],
        ["fast": .int(10), "slow": .int(40)], ["fast": .int(10), "slow": .int(30), "src": .string("hl2")],
        ["fast": .int(12), "slow": .int(40)], ["fast": .int(10), "slow": .int(30)],
    ]

    @Test func sharedCacheGivesTheSameRunsAsNone() throws {
        let program = try PineProgram.compile(source: Self.strategy, fileName: "cache.pine")
        let data = try Self.data()
        let cache = ColumnCache()
        let cached = [try ScriptRunner(program: program, data: data, columnCache: cache),
                      try ScriptRunner(program: program, data: data, columnCache: cache)]
        for (k, inputs) in Self.settings.enumerated() {
            let plain = try ScriptRunner(program: program, data: data).run(RunOptions(inputs: inputs)).report
            let shared = try cached[k % 2].run(RunOptions(inputs: inputs)).report
            #expect(plain.trades.count > 5, "run \(k)")
            #expect(shared.trades == plain.trades, "run \(k)")
            #expect(shared.metrics.flat.elementsEqual(plain.metrics.flat) { $0 == $1 || ($0.isNaN && $1.isNaN) }, "run \(k)")
        }
        // Series shared between runs (the trend, repeated averages) were read back.
        #expect(cache.statistics.hits > 0)
        // A different source is a different series: the hl2 run differs from the close run.
        let runner = try ScriptRunner(program: program, data: data, columnCache: cache)
        let onClose = try runner.run(RunOptions(inputs: Self.settings[0])).report.trades
        let onHl2 = try runner.run(RunOptions(inputs: Self.settings[3])).report.trades
        #expect(onClose != onHl2)
    }

    /// A series is kept the second time it is computed (one computed once, like the
    /// crossover of two searched averages, never takes room); from then on it is read back.
    @Test func seriesAreKeptOnTheirSecondComputation() throws {
        let program = try PineProgram.compile(source: Self.strategy, fileName: "cache.pine")
        let data = try Self.data()
        let cache = ColumnCache()
        let runner = try ScriptRunner(program: program, data: data, columnCache: cache)
        let first = try runner.run(RunOptions(inputs: Self.settings[0])).report
        let missesPerRun = cache.statistics.misses
        #expect(missesPerRun > 0)
        _ = try runner.run(RunOptions(inputs: Self.settings[0]))
        #expect(cache.statistics.hits == 0)
        #expect(cache.statistics.misses == 2 * missesPerRun)
        let third = try runner.run(RunOptions(inputs: Self.settings[0])).report
        #expect(cache.statistics.hits == missesPerRun)
        #expect(cache.statistics.misses == 2 * missesPerRun)
        #expect(third.trades == first.trades)
    }

    @Test func tinyBudgetKeepsNothingAndStillAgrees() throws {
        let program = try PineProgram.compile(source: Self.strategy, fileName: "cache.pine")
        let data = try Self.data()
        let cache = ColumnCache(budgetBytes: 1024)
        let runner = try ScriptRunner(program: program, data: data, columnCache: cache)
        let a = try runner.run(RunOptions(inputs: Self.settings[0])).report
        let b = try runner.run(RunOptions(inputs: Self.settings[0])).report
        #expect(a.trades == b.trades)
        #expect(cache.statistics.hits == 0)
    }

    /// The same strategy with a per-bar statement that reads the broker (which turns the
    /// bar gating off) must give the same trades as the gated one.
    /// TradingView's strategy template: the conditions are named columns, the `if`s read them.
    @Test func namedConditionsGateLikeInlineOnes() throws {
        let named = """
            //@version=6
            strategy("named", initial_capital = 10000)
            longCondition = ta.crossover(ta.sma(close, 14), ta.sma(close, 28))
            if (longCondition)
                strategy.entry("L", strategy.long)
            shortCondition = ta.crossunder(ta.sma(close, 14), ta.sma(close, 28))
            if (shortCondition)
                strategy.entry("S", strategy.short)
            """
        let program = try PineProgram.compile(source: named, fileName: "named.pine")
        let ungated = try PineProgram.compile(source: named + "\nx = strategy.position_size\n", fileName: "u.pine")
        let data = try Self.data()
        let a = try ScriptRunner(program: program, data: data).run(RunOptions()).report
        let b = try ScriptRunner(program: ungated, data: data).run(RunOptions()).report
        #expect(a.trades.count > 20)
        #expect(a.trades == b.trades)
        #expect(a.equityCurve == b.equityCurve)
        // The instance really skips the bars without a signal.
        let instance = try program.makeInstance()
        #expect(instance.isGated)
        #expect(!(try ungated.makeInstance()).isGated)
    }

    @Test func gatedBarsGiveTheSameTrades() throws {
        let gated = try PineProgram.compile(source: Self.strategy, fileName: "gated.pine")
        let ungated = try PineProgram.compile(
            source: Self.strategy + "\nsize = strategy.position_size\nplot(size)\n", fileName: "ungated.pine")
        let data = try Self.data()
        for inputs in Self.settings.prefix(3) {
            let a = try ScriptRunner(program: gated, data: data).run(RunOptions(inputs: inputs)).report
            let b = try ScriptRunner(program: ungated, data: data).run(RunOptions(inputs: inputs)).report
            #expect(a.trades.count > 5)
            #expect(a.trades == b.trades)
            #expect(a.equityCurve == b.equityCurve)
        }
    }
}
