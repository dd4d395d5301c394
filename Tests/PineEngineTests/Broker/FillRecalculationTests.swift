import Foundation
import PFData
import PineLanguage
@testable import PineEngine
import Testing

/// `calc_on_order_fills = true` on historical bars. The documented rule: the
/// script runs again at each tick (open, nearer extreme, other extreme,
/// close) where an order filled; the orders it places fill from the next
/// tick; variables other than `varip` roll back to the previous bar's
/// committed state between the executions of a bar; price variables hold
/// the bar's final values. Expected fills and counts are derived by hand.
///
/// Bars (open, high, low, close): bar 1 (100, 106, 98, 104) has its low
/// nearer the open, so its path is 100 -> 98 -> 106 -> 104; bar 2
/// (104, 105, 103, 104) ties, so the low comes first: 104 -> 103 -> 105 -> 104.
@Suite("calc_on_order_fills")
struct FillRecalculationTests {
    typealias F = RuleFill
    static let bars: [(Double, Double, Double, Double)] = [
        (100, 101, 99, 100), (100, 106, 98, 104), (104, 105, 103, 104),
    ]
    static let recalculating = "strategy(\"fills\", overlay=true, calc_on_order_fills=true, pyramiding=100)"

    static func L(_ eb: Int, _ ep: Double, _ xb: Int?, _ xp: Double?) -> F {
        F(direction: .long, entryBar: eb, entryPrice: ep, exitBar: xb, exitPrice: xp, qty: 1)
    }
    static func S(_ eb: Int, _ ep: Double, _ xb: Int?, _ xp: Double?) -> F {
        F(direction: .short, entryBar: eb, entryPrice: ep, exitBar: xb, exitPrice: xp, qty: 1)
    }

    /// Runs `body` on `bars` with plots recorded.
    static func run(
        _ body: String, strategy: String = recalculating, bars: [(Double, Double, Double, Double)] = bars,
        overrides: [String: String] = [:]
    ) throws -> RunResult {
        let source = "//@version=6\n" + strategy + "\n" + body
        let program = try PineProgram.compile(source: source, fileName: "fills.pine")
        let store = BarStore(
            time: bars.indices.map { OrderRuleHarness.time($0) }, open: bars.map { $0.0 }, high: bars.map { $0.1 },
            low: bars.map { $0.2 }, close: bars.map { $0.3 }, volume: bars.map { _ in 1 })
        let data = try PreparedData(store: store, sourceTimeframe: Timeframe("15"))
        return try ScriptRunner(program: program, data: data).run(RunOptions(overrides: overrides), recordPlots: true)
    }

    static func plot(_ r: RunResult, _ title: String) -> [Double] {
        r.plots.first { $0.title == title }?.values ?? []
    }

    /// The entry placed on bar 0 fills at bar 1's open (100); the execution
    /// after that fill sees the position and places a limit exit at
    /// avg + 5 = 105, which the rest of bar 1's path (98 -> 106) reaches.
    /// Executions on bar 1: after the open, after the high (the exit), and
    /// the close. Without the setting the exit is placed on bar 1's close
    /// and fills on bar 2 (high 105).
    @Test func exitPlacedAfterTheOpenFillFillsOnTheSameBar() throws {
        let body = """
            if bar_index == 0
                strategy.entry("L", strategy.long)
            if strategy.position_size > 0
                strategy.exit("X", "L", limit = strategy.position_avg_price + 5)
            """
        let r = try Self.run(body)
        #expect(OrderRuleHarness.fills(r.report) == [Self.L(1, 100, 1, 105)])
        #expect(r.report.counters.fillExecutions == 2)
        let plain = try Self.run(body, strategy: "strategy(\"fills\", overlay=true)")
        #expect(OrderRuleHarness.fills(plain.report) == [Self.L(1, 100, 2, 105)])
        #expect(plain.report.counters.fillExecutions == 0)
    }

    /// The "buy on every fill" rule: a market entry on every execution fills
    /// at the next tick, so bars 1 and 2 get four entries each, at their
    /// open, low, high and close. A `varip` counter counts every execution
    /// (1 on bar 0, then 4 per bar); a `var` counter rolls back and counts
    /// bars; a plain variable starts again at 0 each time.
    @Test func everyTickFillsAndTheCountersRollBackButVarip() throws {
        let r = try Self.run(
            """
            varip int execs = 0
            execs += 1
            var int bars = 0
            bars += 1
            int plain = 0
            plain += 1
            strategy.entry("Buy", strategy.long)
            plot(execs, "execs")
            plot(bars, "bars")
            plot(plain, "plain")
            """)
        let entries = OrderRuleHarness.fills(r.report).map { "\($0.entryBar)@\($0.entryPrice)" }
        #expect(entries == ["1@100.0", "1@98.0", "1@106.0", "1@104.0", "2@104.0", "2@103.0", "2@105.0", "2@104.0"])
        #expect(Self.plot(r, "execs") == [1, 5, 9])
        #expect(Self.plot(r, "bars") == [1, 2, 3])
        #expect(Self.plot(r, "plain") == [1, 1, 1])
        #expect(r.report.counters.fillExecutions == 6)
    }

    /// The reversal rule of the execution model's example: each execution
    /// flips the position with a market entry, which fills at the next tick.
    /// Bar 1: L at the open (100); S reverses it at the low (98); L at the
    /// high (106); S at the close (104); the close's L fills at bar 2's open.
    @Test func reversalOnEveryExecution() throws {
        let r = try Self.run(
            """
            if strategy.position_size <= 0
                strategy.entry("Long", strategy.long)
            else
                strategy.entry("Short", strategy.short)
            """, bars: Array(Self.bars.prefix(2)) + [(104, 104, 104, 104)])
        let f = OrderRuleHarness.fills(r.report)
        #expect(Array(f.prefix(4)) == [Self.L(1, 100, 1, 98), Self.S(1, 98, 1, 106), Self.L(1, 106, 1, 104), Self.S(1, 104, 2, 104)])
    }

    /// History and indicator states roll back too: `idx[1]` is the previous
    /// bar's index and a running count over a series that depends on the
    /// strategy counts bars, not executions; prices are the bar's final
    /// values in every execution, so `close` seen after the open fill is
    /// bar 1's close (104), recorded with a `var` that keeps the first value.
    @Test func historyStatesAndPricesInTheExtraExecutions() throws {
        let r = try Self.run(
            """
            int idx = 0
            idx := bar_index
            float seen = strategy.position_size >= 0 ? 1 : 1
            float count = ta.cum(seen)
            varip float closeAtFirstFill = na
            if strategy.position_size > 0 and na(closeAtFirstFill)
                closeAtFirstFill := close
            if bar_index == 0
                strategy.entry("L", strategy.long)
            if strategy.position_size > 0
                strategy.exit("X", "L", limit = 105)
            plot(idx[1], "previous")
            plot(count, "count")
            plot(closeAtFirstFill, "close")
            """)
        let previous = Self.plot(r, "previous")
        #expect(previous.count == 3 && previous[0].isNaN && Array(previous.dropFirst()) == [0, 1])
        #expect(Self.plot(r, "count") == [1, 2, 3])
        let seen = Self.plot(r, "close")
        #expect(seen.count == 3 && seen[0].isNaN && Array(seen.dropFirst()) == [104, 104])
        #expect(r.report.counters.fillExecutions == 2)
    }

    /// A `var` array's pushes made in an extra execution are undone.
    @Test func varArrayRollsBack() throws {
        let r = try Self.run(
            """
            var a = array.new_float()
            array.push(a, bar_index)
            strategy.entry("Buy", strategy.long)
            plot(array.size(a), "size")
            """)
        #expect(Self.plot(r, "size") == [1, 2, 3])
    }

    /// With the real-bar magnifier every sub-bar's open, extremes and close
    /// are ticks. Script bars of 30 minutes from 15-minute sub-bars; bar 1 is
    /// (100, 102, 99.5, 101) then (101, 106, 100.5, 104). The entry placed on
    /// bar 0 fills at 100; the execution after it places a limit exit at 105,
    /// which the second sub-bar (101 -> 100.5 -> 106) reaches. Executions
    /// inside bar 1: after the open, after the 106 tick. Without the setting
    /// the exit waits for bar 1's close and bar 2 (flat at 104) never reaches it.
    @Test func realMagnifierTicksAreTheSubBarsPoints() throws {
        let sub: [(Double, Double, Double, Double)] = [
            (100, 101, 99, 100), (100, 101, 99, 100), (100, 102, 99.5, 101), (101, 106, 100.5, 104),
            (104, 104.5, 103.5, 104), (104, 104.5, 103.5, 104),
        ]
        let store = BarStore(
            time: sub.indices.map { OrderRuleHarness.time($0) }, open: sub.map { $0.0 }, high: sub.map { $0.1 },
            low: sub.map { $0.2 }, close: sub.map { $0.3 }, volume: sub.map { _ in 1 })
        let data = try PreparedData(store: store, sourceTimeframe: Timeframe("15"), scriptTimeframe: Timeframe("30"))
        let body = """
            if bar_index == 0
                strategy.entry("L", strategy.long)
            if strategy.position_size > 0
                strategy.exit("X", "L", limit = strategy.position_avg_price + 5)
            """
        func run(_ strategy: String) throws -> BacktestReport {
            let program = try PineProgram.compile(source: "//@version=6\n" + strategy + "\n" + body, fileName: "f.pine")
            return try ScriptRunner(program: program, data: data).run(RunOptions(magnifier: .realBars)).report
        }
        // Fill times are read as 15-minute bars: script bar 1 opens at sub-bar 2.
        let r = try run(Self.recalculating)
        #expect(OrderRuleHarness.fills(r) == [Self.L(2, 100, 2, 105)])
        #expect(r.counters.fillExecutions == 2)
        let plain = try run("strategy(\"fills\", overlay=true)")
        #expect(OrderRuleHarness.fills(plain) == [Self.L(2, 100, nil, nil)])
    }

    // MARK: - The setting as an override

    /// `calc_on_order_fills=true` given as an override on a script that does
    /// not declare it runs as if declared: the exit placed after the open
    /// fill fills on bar 1 (see the first test), and `var` rolls back between
    /// the executions while `varip` does not (1 execution on bar 0, then 4 on
    /// each of bars 1 and 2), so the instance is built for recalculation.
    @Test func overrideTurnsTheSettingOn() throws {
        let plain = "strategy(\"fills\", overlay=true, pyramiding=100)"
        let exit = """
            if bar_index == 0
                strategy.entry("L", strategy.long)
            if strategy.position_size > 0
                strategy.exit("X", "L", limit = strategy.position_avg_price + 5)
            """
        let r = try Self.run(exit, strategy: plain, overrides: ["calc_on_order_fills": "true"])
        #expect(OrderRuleHarness.fills(r.report) == [Self.L(1, 100, 1, 105)])
        #expect(r.report.counters.fillExecutions == 2)
        let counters = try Self.run(
            """
            varip int execs = 0
            execs += 1
            var int bars = 0
            bars += 1
            strategy.entry("Buy", strategy.long)
            plot(execs, "execs")
            plot(bars, "bars")
            """, strategy: plain, overrides: ["calc_on_order_fills": "true"])
        #expect(Self.plot(counters, "execs") == [1, 5, 9])
        #expect(Self.plot(counters, "bars") == [1, 2, 3])
    }

    /// `calc_on_order_fills=false` as an override on a script that declares
    /// it: the exit is placed on bar 1's close and fills on bar 2 (high 105),
    /// and no extra execution runs.
    @Test func overrideTurnsTheSettingOff() throws {
        let r = try Self.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long)
            if strategy.position_size > 0
                strategy.exit("X", "L", limit = strategy.position_avg_price + 5)
            """, overrides: ["calc_on_order_fills": "false"])
        #expect(OrderRuleHarness.fills(r.report) == [Self.L(1, 100, 2, 105)])
        #expect(r.report.counters.fillExecutions == 0)
    }

    /// An override is refused where the declared setting is: with
    /// process_orders_on_close, on a `var` map, or with a bad value.
    @Test func overrideIsRefusedLikeTheDeclaration() throws {
        let plain = "strategy(\"fills\", overlay=true)"
        #expect {
            _ = try Self.run(
                "strategy.entry(\"L\", strategy.long)", strategy: plain,
                overrides: ["calc_on_order_fills": "true", "process_orders_on_close": "true"])
        } throws: { error in
            "\(error)" == "overrides: " + SupportChecker.fillsWithCloseMessage
        }
        #expect {
            _ = try Self.run(
                "var m = map.new<string, float>()\nstrategy.entry(\"L\", strategy.long)", strategy: plain,
                overrides: ["calc_on_order_fills": "true"])
        } throws: { error in
            "\(error)".contains("fills.pine:3:1") && "\(error)".contains("cannot undo")
        }
        #expect {
            _ = try Self.run("plot(close)", strategy: plain, overrides: ["calc_on_order_fills": "sometimes"])
        } throws: { error in
            "\(error)" == "override calc_on_order_fills=sometimes is invalid: expected true or false"
        }
    }

    // MARK: - Refused forms

    @Test func refusedWithProcessOrdersOnClose() throws {
        let source = """
            //@version=6
            strategy("f", calc_on_order_fills=true, process_orders_on_close=true)
            strategy.entry("L", strategy.long)
            """
        #expect(throws: (any Error).self) { try PineProgram.compile(source: source, fileName: "f.pine") }
        do {
            _ = try PineProgram.compile(source: source, fileName: "f.pine")
        } catch {
            #expect("\(error)".contains("f.pine:2:15"))
            #expect("\(error)".contains("process_orders_on_close"))
        }
    }

    @Test func varMapIsRefusedWhereItIsDeclared() throws {
        do {
            _ = try Self.run(
                """
                var m = map.new<string, float>()
                strategy.entry("L", strategy.long)
                """)
            Issue.record("expected a refusal")
        } catch {
            #expect("\(error)".contains("fills.pine:3:1"))
            #expect("\(error)".contains("cannot undo"))
        }
    }

    /// An exit placed on bar 0 for entry "L", which is neither open nor
    /// pending then, creates no order: the entry placed on bar 1 fills at
    /// bar 2's open (104) and stays open, although the exit's limit (90) is
    /// below every later price. The same with and without the setting.
    @Test func exitForAnEntryNeitherOpenNorPendingCreatesNoOrder() throws {
        let body = """
            if bar_index == 0
                strategy.exit("X", "L", limit = 90)
            if bar_index == 1
                strategy.entry("L", strategy.long)
            """
        let expected = [Self.L(2, 104, nil, nil)]
        #expect(OrderRuleHarness.fills(try Self.run(body).report) == expected)
        let plain = try Self.run(body, strategy: "strategy(\"fills\", overlay=true)")
        #expect(OrderRuleHarness.fills(plain.report) == expected)
    }

    @Test func immediatelyIsRefusedAtTheCall() throws {
        do {
            _ = try Self.run(
                """
                if bar_index == 0
                    strategy.entry("L", strategy.long)
                if bar_index == 1
                    strategy.close("L", immediately = true)
                """)
            Issue.record("expected a refusal")
        } catch {
            #expect("\(error)".contains("fills.pine:6:"))
            #expect("\(error)".contains("immediately"))
        }
    }

    @Test func magnifierIsRefused() throws {
        let program = try PineProgram.compile(
            source: "//@version=6\n" + Self.recalculating + "\nstrategy.entry(\"L\", strategy.long)\n", fileName: "f.pine")
        let store = BarStore(
            time: [OrderRuleHarness.time(0), OrderRuleHarness.time(1)], open: [1, 1], high: [2, 2], low: [0.5, 0.5],
            close: [1, 1], volume: [1, 1])
        let data = try PreparedData(store: store, sourceTimeframe: Timeframe("15"))
        #expect(throws: BacktestError.self) {
            try ScriptRunner(program: program, data: data).run(RunOptions(magnifier: .synthetic(samples: 8, distribution: .uniform)))
        }
    }
}
