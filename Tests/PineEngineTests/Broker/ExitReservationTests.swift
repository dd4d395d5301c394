import Foundation
import PineEngine
import Testing

/// An exit's quantity is reserved per open trade (each entry fill), not per
/// entry id: the exit binds to every open trade of its entry (of every
/// entry without `from_entry`), each binding holding `qty`, `qty_percent`
/// of that trade, or what the trade's other exits leave, with `profit` /
/// `loss` measured from that trade's price. Which rows a fill closes
/// follows close_entries_rule (FIFO: the oldest first). Bars are (open,
/// high, low, close), tick 0.01; fills derived by hand.
@Suite("Exit reservations per trade")
struct ExitReservationTests {
    typealias F = RuleFill
    static func L(_ eb: Int, _ ep: Double, _ xb: Int?, _ xp: Double?, _ q: Double = 1) -> F {
        F(direction: .long, entryBar: eb, entryPrice: ep, exitBar: xb, exitPrice: xp, qty: q)
    }

    /// Pyramiding 2, entry L (qty 2) filled at 100 on bar 1 and again at 101
    /// on bar 2; every bar places TP (limit 110, qty_percent 50) then SL
    /// (stop 95). Each fill gets its own pair: TP 1 + SL 1 on the first, TP
    /// 1 + SL 1 on the second. Bar 4 (high first, then down to 94): both
    /// SLs fill at 95, 1 each, closing the first fill's rows (FIFO); bar 5
    /// rises to 111: both TPs fill at 110, closing the second fill's 2.
    /// Reserved per entry id, the second fill would have had no exit.
    @Test func pyramidedFillsOfOneIdEachGetTheirExits() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index <= 1
                strategy.entry("L", strategy.long, qty=2)
            strategy.exit("TP", "L", qty_percent=50, limit=110)
            strategy.exit("SL", "L", stop=95)
            """, strategy: "strategy(\"rule\", overlay=true, pyramiding=2)",
            bars: [
                (100, 100.5, 99.5, 100), (100, 101.2, 99.5, 101), (101, 101.5, 100.5, 101), (101, 101.5, 100.5, 101),
                (101, 101.2, 94, 96), (96, 111, 96, 109), (109, 109.5, 108.5, 109),
            ])
        #expect(
            OrderRuleHarness.fills(r) == [
                Self.L(1, 100, 4, 95), Self.L(1, 100, 4, 95), Self.L(2, 101, 5, 110), Self.L(2, 101, 5, 110),
            ])
    }

    /// Without from_entry the exit applies to every entry, each at its own
    /// price: A filled at 100 (bar 1), B at 104 (bar 2); X (loss 300 ticks)
    /// holds A's 1 at a stop of 97 and B's 1 at 101. Bar 3 falls to 100.50:
    /// B's stop fills at 101 and closes the oldest row, A's; bar 4 falls to
    /// 96: A's stop fills at 97 and closes B's row. With one exit priced
    /// from the first entry, bar 3 would fill nothing and only one contract
    /// would leave at 97.
    @Test func anExitWithoutFromEntryBindsToEachTradeAtItsPrice() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("A", strategy.long)
            if bar_index == 1
                strategy.entry("B", strategy.long)
            strategy.exit("X", loss=300)
            """, strategy: "strategy(\"rule\", overlay=true, pyramiding=2)",
            bars: [
                (100, 100.5, 99.5, 100), (100, 104.2, 99.5, 104), (104, 104.5, 103.5, 104), (104, 104.2, 100.5, 100.8),
                (100.8, 101, 96, 96.5), (96.5, 97, 96, 96.5),
            ])
        #expect(OrderRuleHarness.fills(r) == [Self.L(1, 100, 3, 101), F(direction: .long, entryBar: 2, entryPrice: 104, exitBar: 4, exitPrice: 97, qty: 1)])
    }

    /// Long 2; every bar places TP (limit 105, qty 1) then SL (stop 95, the
    /// rest: 1). Bar 2 reaches 106: TP closes 1. Placed again, TP gets only
    /// what SL leaves of the trade (nothing): bar 3 reaching 106 again
    /// closes nothing; bar 4 falls to 94: SL closes the last 1 at 95.
    @Test func aFilledExitPlacedAgainGetsOnlyTheRemainder() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long, qty=2)
            strategy.exit("TP", "L", qty=1, limit=105)
            strategy.exit("SL", "L", stop=95)
            """,
            bars: [
                (100, 100.5, 99.5, 100), (100, 100.5, 99.5, 100), (100, 106, 99.5, 104), (104, 106, 103.5, 104),
                (104, 104.2, 94, 96), (96, 96.5, 95.5, 96),
            ])
        #expect(OrderRuleHarness.fills(r) == [Self.L(1, 100, 2, 105), Self.L(1, 100, 4, 95)])
    }

    /// A trailing exit on two fills of one id trails from each fill's own
    /// price: fills at 100 (bar 1) and 99 (bar 2), trail_points 100 ticks
    /// without offset (exit at the activation level: 101 and 100). Bar 3
    /// goes low first, then up to 101.50: the second fill's exit fills at
    /// 100, then the first's at 101, one contract each, the rows closed
    /// oldest first.
    @Test func trailingExitsActivateFromEachFillsPrice() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index <= 1
                strategy.entry("L", strategy.long)
            strategy.exit("T", "L", trail_points=100)
            """, strategy: "strategy(\"rule\", overlay=true, pyramiding=2)",
            bars: [
                (100, 100.5, 99.5, 100), (100, 100.5, 99, 99), (99, 99.5, 98.5, 99), (99, 101.5, 98.8, 101.2),
                (101.2, 101.5, 100.8, 101.2),
            ])
        #expect(OrderRuleHarness.fills(r) == [Self.L(1, 100, 3, 100), Self.L(2, 99, 3, 101)])
    }

    /// The first test's trades with both exits placed only once both fills
    /// are open (from bar 2): each exit binds to the two trades in one call.
    /// TP takes 50% of each trade (1 and 1); SL then takes what each trade
    /// has left (1), within what the entry's 4 leave after the exits before
    /// it (4 - 2 for the first trade, 4 - 3 for the second). Bar 4: both SLs
    /// fill at 95 (the first trade's rows, FIFO); bar 5: both TPs at 110.
    @Test func anExitPlacedOnSeveralOpenTradesAtOnceHoldsWhatEachLeaves() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index <= 1
                strategy.entry("L", strategy.long, qty=2)
            if bar_index >= 2
                strategy.exit("TP", "L", qty_percent=50, limit=110)
                strategy.exit("SL", "L", stop=95)
            """, strategy: "strategy(\"rule\", overlay=true, pyramiding=2)",
            bars: [
                (100, 100.5, 99.5, 100), (100, 101.2, 99.5, 101), (101, 101.5, 100.5, 101), (101, 101.5, 100.5, 101),
                (101, 101.2, 94, 96), (96, 111, 96, 109), (109, 109.5, 108.5, 109),
            ])
        #expect(
            OrderRuleHarness.fills(r) == [
                Self.L(1, 100, 4, 95), Self.L(1, 100, 4, 95), Self.L(2, 101, 5, 110), Self.L(2, 101, 5, 110),
            ])
    }

    /// 200 pyramided fills of one id (bars 1 to 200, all at 100), each with
    /// SL (stop 90, placed first: the whole trade) and TP (limit 100.50,
    /// placed second: nothing left to hold, so the highs of 100.50 close
    /// nothing). Bar 201 falls to 89: the 200 SLs fill at 90, closing the
    /// rows oldest first.
    @Test func aStopUnderManyOpenTradesClosesEachInEntryOrder() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index < 200
                strategy.entry("L", strategy.long)
            strategy.exit("SL", "L", stop=90)
            strategy.exit("TP", "L", limit=100.5)
            """, strategy: "strategy(\"rule\", overlay=true, pyramiding=300)",
            bars: Array(repeating: (100, 100.5, 99.5, 100), count: 201) + [(100, 100.5, 89, 95), (95, 96, 94, 95)])
        #expect(OrderRuleHarness.fills(r) == (1...200).map { Self.L($0, 100, 201, 90) })
    }
}
