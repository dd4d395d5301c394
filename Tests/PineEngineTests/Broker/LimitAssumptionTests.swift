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
