import PFData
@testable import PineEngine
import Testing

/// Version 5 strategy forms: `when=` on order commands, the margin defaults,
/// and what is refused.
@Suite struct Version5StrategyTests {
    static let opens: [Double] = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]

    static func data() throws -> PreparedData {
        let o = opens
        let c = o.map { $0 + 0.5 }
        let store = BarStore(
            time: (0..<o.count).map { Int64($0) * 60_000 }, open: o, high: c.map { $0 + 1 }, low: o.map { $0 - 1 },
            close: c, volume: Array(repeating: 100, count: o.count))
        return try PreparedData(store: store, sourceTimeframe: Timeframe("1"))
    }

    func compile(_ source: String) throws -> PineProgram {
        try PineProgram.compile(source: source, fileName: "t.pine")
    }

    func failure(_ source: String) -> PineCompileFailure? {
        do {
            _ = try compile(source)
            return nil
        } catch let f as PineCompileFailure {
            return f
        } catch {
            return nil
        }
    }

    @Test func whenPlacesTheOrderOnlyOnBarsWhereItIsTrue() throws {
        let program = try compile("""
            //@version=5
            strategy("t")
            strategy.entry("L", strategy.long, when = bar_index == 2 or bar_index == 10)
            strategy.close("L", when = bar_index == 5 or bar_index == 13)
            """)
        let trades = try ScriptRunner(program: program, data: Self.data()).run(RunOptions()).report.trades
        // A market order placed on bar i fills at the open of bar i + 1.
        let expected: [(entryBar: Int, exitBar: Int)] = [(3, 6), (11, 14)]
        #expect(trades.count == expected.count)
        for (t, e) in zip(trades, expected) {
            #expect(t.entryBar == e.entryBar && t.exitBar == e.exitBar)
            #expect(t.entryPrice == Self.opens[e.entryBar] && t.exitPrice == Self.opens[e.exitBar])
            #expect(t.qty == 1)
        }
    }

    @Test func positionalWhenOfCloseAndCancel() throws {
        // Version 5 signatures: strategy.close(id, when, ...), strategy.close_all(when, ...),
        // strategy.cancel(id, when), strategy.cancel_all(when).
        let program = try compile("""
            //@version=5
            strategy("t")
            strategy.entry("L", strategy.long, when = bar_index == 2 or bar_index == 10)
            strategy.close("L", bar_index == 5)
            strategy.close_all(bar_index == 13)
            strategy.entry("S", strategy.short, limit = 20, when = bar_index == 6)
            strategy.cancel("S", bar_index == 6)
            strategy.order("S2", strategy.short, limit = 21, when = bar_index == 7)
            strategy.cancel_all(bar_index == 7)
            """)
        let report = try ScriptRunner(program: program, data: Self.data()).run(RunOptions()).report
        // Uncancelled, the sell limits at 20 and 21 would fill on bars 9 and 10 (highs 20.5, 21.5).
        let expected: [(entryBar: Int, exitBar: Int)] = [(3, 6), (11, 14)]
        #expect(report.trades.count == expected.count)
        #expect(report.openTrades.isEmpty)
        for (t, e) in zip(report.trades, expected) {
            #expect(t.entryBar == e.entryBar && t.exitBar == e.exitBar)
            #expect(t.qty == 1)
        }
    }

    @Test func whenInsideABlockAndOnExit() throws {
        let program = try compile("""
            //@version=5
            strategy("t")
            if bar_index < 8
                strategy.entry("L", strategy.long, when = bar_index == 1)
            strategy.exit("X", "L", stop = 1, when = bar_index == 1)
            strategy.close_all(when = bar_index == 4)
            """)
        let trades = try ScriptRunner(program: program, data: Self.data()).run(RunOptions()).report.trades
        // Entry at the open of bar 2; the exit's stop at 1 is never reached (lows
        // are 9 and up); close_all on bar 4 fills at the open of bar 5.
        #expect(trades.count == 1)
        #expect(trades.first?.entryBar == 2 && trades.first?.exitBar == 5)
        #expect(trades.first?.exitPrice == Self.opens[5])
    }

    @Test func whenIsRefusedInVersion6() throws {
        let f = failure("""
            //@version=6
            strategy("t")
            strategy.entry("L", strategy.long, when = bar_index == 2)
            """)
        #expect(f?.errors.first?.line == 3)
        #expect(f?.description.contains("when") == true)
    }

    @Test func whenWithAStatefulArgumentIsRefusedWhereItStands() throws {
        let f = failure("""
            //@version=5
            strategy("t")
            strategy.entry("L", strategy.long, qty = ta.sma(close, 3), when = bar_index == 2)
            """)
        #expect(f?.errors.first?.line == 3)
        #expect(f?.errors.first?.column == 42)
        #expect(f?.description.contains("ta.sma") == true)
    }

    /// Version 5's reference: `strategy.close(id, comment, ...)` and
    /// `strategy.close_all(comment, ...)` take a text there as the comment
    /// (its own example `strategy.close("L", "50% market close",
    /// qty_percent = 50)`); a bool there is an older script's `when`; a text
    /// as `strategy.cancel`'s second argument is refused.
    @Test func aTextAfterTheIdOfACloseIsItsComment() throws {
        let program = try compile("""
            //@version=5
            strategy("t")
            if bar_index == 0
                strategy.entry("L", strategy.long, qty = 2)
            if bar_index == 2
                strategy.close("L", "half " + "out", qty_percent = 50)
            if bar_index == 4
                strategy.close_all("EOD")
            """)
        let r = try ScriptRunner(program: program, data: Self.data()).run(RunOptions()).report
        // Entry placed on bar 0 fills at bar 1; the closes placed on bars 2
        // and 4 fill at the next opens.
        #expect(r.trades.map(\.qty) == [1, 1])
        #expect(r.trades.map(\.exitComment) == ["half out", "EOD"])
        #expect(r.trades.map(\.exitBar) == [3, 5])
        let f = failure("//@version=5\nstrategy(\"t\")\nstrategy.cancel(\"L\", \"x\")")
        #expect(f?.errors.first?.line == 3 && f?.errors.first?.column == 22)
        #expect(f?.description.contains("'when'") == true)
    }

    @Test func version5MarginDefaultsToZeroAndVersion6To100() throws {
        let v5 = try compile("//@version=5\nstrategy(\"t\")\nplot(close)")
        #expect(v5.strategy.marginLong == 0 && v5.strategy.marginShort == 0)
        let v6 = try compile("//@version=6\nstrategy(\"t\")\nplot(close)")
        #expect(v6.strategy.marginLong == 100 && v6.strategy.marginShort == 100)
        let given = try compile("//@version=5\nstrategy(\"t\", margin_long = 50, margin_short = 25)\nplot(close)")
        #expect(given.strategy.marginLong == 50 && given.strategy.marginShort == 25)
    }

    @Test func versionsBelow5AreRefusedAtTheAnnotation() throws {
        let f = failure("//@version=4\nstrategy(\"t\")\nplot(close)")
        #expect(f?.errors.first?.line == 1)
        #expect(f?.description.contains("version 4") == true)
    }
    @Test func exitsWithADistanceAndAPriceCompileInBothVersions() throws {
        // Version 5 ignores the distance, version 6 uses the level reached
        // first (the fills are tested in the order rules).
        _ = try compile("//@version=5\nstrategy(\"t\")\nstrategy.exit(\"X\", profit = 10, limit = 50)")
        _ = try compile("//@version=6\nstrategy(\"t\")\nstrategy.exit(\"X\", profit = 10, limit = 50)")
    }
}
