import Foundation
import PineEngine
import Testing

/// `strategy.risk.max_intraday_filled_orders(count)` as the Pine v6 manual
/// states it: once `count` orders have filled in a day, every pending order
/// is cancelled, the open position is closed and no order can be placed
/// until the day ends. Here the position closes at the close of the bar on
/// which the limit was reached. Bars are 15 minutes apart from 2024-01-01
/// 00:00 UTC (96 a day), tick 0.01, qty 1; fills derived by hand.
@Suite("Max intraday filled orders")
struct FilledOrdersLimitTests {
    typealias F = RuleFill

    /// Bar i opens and closes at 100 + i. The script enters long on even
    /// bars and short on odd ones; each entry fills at the next open and
    /// is one filled order. Day 1: L fills on bar 1 (1), S reverses on bar
    /// 2 (2), L reverses on bar 3 (3: the limit): the long closes at bar
    /// 3's close (103) and bars 3-95 place nothing. Day 2 counts again: L
    /// on bar 97 (signal of bar 96), S on 98, L on 99, closed at 199.
    @Test func theDayStopsAtTheLimitAndTheNextDayCountsAgain() throws {
        let bars = (0..<100).map { i -> (Double, Double, Double, Double) in
            let o = 100 + Double(i)
            return (o, o + 0.5, o - 0.5, o)
        }
        let r = try OrderRuleHarness.run(
            """
            strategy.risk.max_intraday_filled_orders(3)
            if bar_index % 2 == 0
                strategy.entry("L", strategy.long)
            else
                strategy.entry("S", strategy.short)
            """, bars: bars)
        func trade(_ d: TradeDirection, _ entry: Int, _ exit: Int) -> F {
            F(direction: d, entryBar: entry, entryPrice: 100 + Double(entry), exitBar: exit, exitPrice: 100 + Double(exit), qty: 1)
        }
        #expect(
            OrderRuleHarness.fills(r) == [
                trade(.long, 1, 2), trade(.short, 2, 3), trade(.long, 3, 3),
                trade(.long, 97, 98), trade(.short, 98, 99), trade(.long, 99, 99),
            ])
        #expect(r.trades[2].exitComment == "Max number of filled orders in one day")
    }

    /// Limit 1: a buy stop at 101 with a take-profit at 103. Bar 1 (O 100
    /// H 104 L 99.5 C 102, low first) fills the stop at 101, the one order
    /// allowed: the take-profit is cancelled before the path reaches 103,
    /// and the long closes at the bar's close, 102. Without the rule the
    /// take-profit fills at 103.
    @Test func theFillThatReachesTheLimitCancelsThePendingOrders() throws {
        let script = """
            if bar_index == 0
                strategy.entry("L", strategy.long, stop=101)
                strategy.exit("X", "L", limit=103)
            """
        let bars = [(100.0, 100.5, 99.5, 100.0), (100, 104, 99.5, 102), (102, 102.5, 101.5, 102)]
        let limited = try OrderRuleHarness.run("strategy.risk.max_intraday_filled_orders(1)\n" + script, bars: bars)
        #expect(OrderRuleHarness.fills(limited) == [F(direction: .long, entryBar: 1, entryPrice: 101, exitBar: 1, exitPrice: 102, qty: 1)])
        let free = try OrderRuleHarness.run(script, bars: bars)
        #expect(OrderRuleHarness.fills(free) == [F(direction: .long, entryBar: 1, entryPrice: 101, exitBar: 1, exitPrice: 103, qty: 1)])
    }
}
