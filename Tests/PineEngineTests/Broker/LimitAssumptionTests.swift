import Foundation
import PineEngine
import Testing

/// `backtest_fill_limits_assumption = n`: a limit order fills only once the
/// price goes n ticks beyond its level, then at its level (or at an open
/// beyond the level by at least n ticks). Tick 0.01; bars (open, high, low, close).
@Suite struct LimitAssumptionTests {
    static let strategy3 = "strategy(\"rule\", overlay=true, backtest_fill_limits_assumption = 3)"

    /// A buy limit at 100 placed on bar 0. Bar 1's low is 99.98 (2 ticks
    /// beyond): not filled with n = 3 (filled at 100 with n = 0). Bar 2's low
    /// 99.97 is 3 ticks beyond: filled at 100.
    @Test func aLimitFillsOnlyOncePassedByTheTicks() throws {
        let body = """
            if bar_index == 0
                strategy.entry("L", strategy.long, limit = 100)
            """
        let bars = [(101.0, 101.5, 100.5, 101.0), (100.5, 100.6, 99.98, 100.2), (100.3, 100.4, 99.97, 100.1), (100.1, 100.2, 100.0, 100.1)]
        let passed = OrderRuleHarness.fills(try OrderRuleHarness.run(body, strategy: Self.strategy3, bars: bars))
        #expect(passed == [OrderRuleTests.L(2, 100, nil, nil)])
        let touched = OrderRuleHarness.fills(try OrderRuleHarness.run(body, bars: bars))
        #expect(touched == [OrderRuleTests.L(1, 100, nil, nil)])
    }

    /// Long at 100 (bar 1 open) with an exit limit at 101: bar 2's high
    /// 101.02 is 2 ticks beyond (no fill with n = 3); bar 3 opens at 101.05,
    /// 5 ticks beyond: it fills at that open.
    @Test func anExitLimitNeedsTheTicksTooAndTakesABetterOpen() throws {
        let body = """
            if bar_index == 0
                strategy.entry("L", strategy.long)
            strategy.exit("TP", "L", limit = 101)
            """
        let bars = [(100.0, 100.2, 99.8, 100.0), (100.0, 100.5, 99.5, 100.4), (100.5, 101.02, 100.3, 100.9), (101.05, 101.2, 100.9, 101.0)]
        let r = OrderRuleHarness.fills(try OrderRuleHarness.run(body, strategy: Self.strategy3, bars: bars))
        #expect(r == [OrderRuleTests.L(1, 100, 3, 101.05)])
    }

    /// Stops are not limits: a buy stop at 101 fills when touched whatever n is.
    @Test func stopsAreUnaffected() throws {
        let body = """
            if bar_index == 0
                strategy.entry("L", strategy.long, stop = 101)
            """
        let bars = [(100.0, 100.2, 99.8, 100.0), (100.0, 101.0, 99.9, 100.5), (100.5, 100.6, 100.4, 100.5)]
        let r = OrderRuleHarness.fills(try OrderRuleHarness.run(body, strategy: Self.strategy3, bars: bars))
        #expect(r == [OrderRuleTests.L(1, 101, nil, nil)])
    }
}

/// `strategy.exit` with a `from_entry` that matches no open trade and no
/// pending entry order creates no order: it does not wait for a later entry
/// with that id. An exit placed with its entry still pending waits for it.
@Suite struct OrphanExitTests {
    /// Bars 100, 101, ...: quiet bars (high +0.5, low -0.5).
    static let bars = (0..<12).map { i -> (Double, Double, Double, Double) in
        let o = 100 + Double(i)
        return (o, o + 0.5, o - 0.5, o)
    }

    @Test func anExitForAnIdNeitherOpenNorPendingIsDropped() throws {
        // Bar 1: exit X for "L" (profit 1 tick): nothing to attach to. Bar 4:
        // entry L fills at bar 5's open 105, and the quiet bar 5 (high 105.5)
        // would reach 105.01 at once if X were alive. Bar 8 closes L at bar 9's open 109.
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 1
                strategy.exit("X", "L", profit = 1, loss = 1)
            if bar_index == 4
                strategy.entry("L", strategy.long)
            if bar_index == 8
                strategy.close("L")
            """, bars: Self.bars)
        #expect(OrderRuleHarness.fills(r) == [OrderRuleTests.L(5, 105, 9, 109)])
    }

    @Test func anExitPlacedWithItsEntryPendingWaitsForTheFill() throws {
        // Bar 1 places the entry and then its exit (profit 1 tick): the entry
        // fills at bar 2's open 102 and the exit at 102.01 on the same bar.
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 1
                strategy.exit("X", "L", profit = 1, loss = 100)
                strategy.entry("L", strategy.long)
            """, bars: Self.bars)
        #expect(OrderRuleHarness.fills(r) == [OrderRuleTests.L(2, 102, 2, 102.01)])
    }
}
