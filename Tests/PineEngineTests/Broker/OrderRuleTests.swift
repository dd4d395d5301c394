import Foundation
import PineEngine
import Testing

/// The order-handling rules of real scripts, each on a few bars where the
/// rule decides the outcome. Bars are (open, high, low, close), tick 0.01,
/// fixed qty 1 unless said. Expected fills are derived by hand from the
/// rule in the comment; `L`/`S` = long/short, a fill is (bar, price, qty).
@Suite("Order rules")
struct OrderRuleTests {
    typealias F = RuleFill
    static func L(_ eb: Int, _ ep: Double, _ xb: Int?, _ xp: Double?, _ q: Double = 1) -> F {
        F(direction: .long, entryBar: eb, entryPrice: ep, exitBar: xb, exitPrice: xp, qty: q)
    }
    static func S(_ eb: Int, _ ep: Double, _ xb: Int?, _ xp: Double?, _ q: Double = 1) -> F {
        F(direction: .short, entryBar: eb, entryPrice: ep, exitBar: xb, exitPrice: xp, qty: q)
    }
    /// Quiet bars opening at `o` (range +/- 0.5, closing at the open).
    static func flat(_ o: Double) -> (Double, Double, Double, Double) { (o, o + 0.5, o - 0.5, o) }

    // MARK: - Entry size is fixed at the call

    /// Bar 1 closes L then enters S: the close leaves nothing to reverse, so
    /// S is 1 (not 1 + 1); bar 2 does the same the other way. Every trade
    /// is 1 contract; fills at the next bar's open.
    @Test func flipAfterCloseStaysAtOneContract() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long)
            if bar_index == 1
                strategy.close("L")
                strategy.entry("S", strategy.short)
            if bar_index == 2
                strategy.close("S")
                strategy.entry("L2", strategy.long)
            """, bars: [Self.flat(100), Self.flat(101), Self.flat(102), Self.flat(103), Self.flat(104)])
        // L: bar 1 @101 -> bar 2 @102; S: bar 2 @102 -> bar 3 @103; L2 open from bar 3 @103.
        #expect(OrderRuleHarness.fills(r) == [Self.L(1, 101, 2, 102), Self.S(2, 102, 3, 103), Self.L(3, 103, nil, nil)])
    }

    /// Entry S first (long 1 open: sized 1 + 1 = 2), then close L: at the
    /// next open the close fills first (L exits at 102, by the close) and S
    /// still sells its 2: a short of 2 opens at 102.
    @Test func entryBeforeCloseKeepsItsFixedSize() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long)
            if bar_index == 1
                strategy.entry("S", strategy.short)
                strategy.close("L")
            """, bars: [Self.flat(100), Self.flat(101), Self.flat(102), Self.flat(103)])
        #expect(OrderRuleHarness.fills(r) == [Self.L(1, 101, 2, 102), Self.S(2, 102, nil, nil, 2)])
        #expect(r.trades.first?.exitId == "L")
    }

    /// The same with close_all: it captured long 1 and fills before S,
    /// which sells 2 from flat.
    @Test func entryBeforeCloseAllKeepsItsFixedSize() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long)
            if bar_index == 1
                strategy.entry("S", strategy.short)
                strategy.close_all()
            """, bars: [Self.flat(100), Self.flat(101), Self.flat(102), Self.flat(103)])
        #expect(OrderRuleHarness.fills(r) == [Self.L(1, 101, 2, 102), Self.S(2, 102, nil, nil, 2)])
        #expect(r.trades.first?.exitId != "S")
    }

    /// Long 2; S (qty 1) is called first, sized 1 + 2 = 3; close L with
    /// qty 1 captures 1. At the next open (102) the close takes 1 of the
    /// long, then S sells 3: the last long contract closes and a short of
    /// 2 opens.
    @Test func partialCloseAfterAnEntryFillsFirst() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long, qty=2)
            if bar_index == 1
                strategy.entry("S", strategy.short, qty=1)
                strategy.close("L", qty=1)
            """, bars: [Self.flat(100), Self.flat(101), Self.flat(102), Self.flat(103)])
        #expect(
            OrderRuleHarness.fills(r) == [
                Self.L(1, 101, 2, 102, 1), Self.L(1, 101, 2, 102, 1), Self.S(2, 102, nil, nil, 2),
            ])
        #expect(r.trades.map(\.exitId) == ["L", "S"])
    }

    /// process_orders_on_close: the same order of fills at the close. L
    /// fills at bar 0's close (100); on bar 1 S (sized 2) then close L both
    /// fill at its close (101): L exits, S opens 2.
    @Test func entryBeforeCloseOnTheClose() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long)
            if bar_index == 1
                strategy.entry("S", strategy.short)
                strategy.close("L")
            """, strategy: "strategy(\"rule\", overlay=true, process_orders_on_close=true)",
            bars: [Self.flat(100), Self.flat(101), Self.flat(102)])
        #expect(OrderRuleHarness.fills(r) == [Self.L(0, 100, 1, 101), Self.S(1, 101, nil, nil, 2)])
    }

    /// An entry placed after the close is sized against the position the
    /// close leaves, also when another entry was placed before the close:
    /// long 1, pyramiding 2; S1 (sized 2), close L, S2 (the close leaves
    /// flat, S1 then makes short 2 with one entry: S2 is 1 more). At the
    /// next open: L closes, S1 opens 2, S2 adds 1.
    @Test func entryAfterCloseSeesTheCloseFirst() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long)
            if bar_index == 1
                strategy.entry("S1", strategy.short)
                strategy.close("L")
                strategy.entry("S2", strategy.short)
            """, strategy: "strategy(\"rule\", overlay=true, pyramiding=2)",
            bars: [Self.flat(100), Self.flat(101), Self.flat(102), Self.flat(103)])
        #expect(
            OrderRuleHarness.fills(r) == [
                Self.L(1, 101, 2, 102), Self.S(2, 102, nil, nil, 2), Self.S(2, 102, nil, nil, 1),
            ])
    }

    /// The same id placed again replaces the order and is sized again: the
    /// second S call is made after the close, so it is 1.
    @Test func sameIdAgainIsResized() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long)
            if bar_index == 1
                strategy.entry("S", strategy.short)
                strategy.close("L")
                strategy.entry("S", strategy.short)
            """, bars: [Self.flat(100), Self.flat(101), Self.flat(102), Self.flat(103)])
        #expect(OrderRuleHarness.fills(r) == [Self.L(1, 101, 2, 102), Self.S(2, 102, nil, nil, 1)])
    }

    // MARK: - Every pending order stays live after a fill

    /// Flat, buy stop 105 (placed first) and sell stop 95; bar 1 O100 H106
    /// L94 C100 (|H-O| = |O-L|: low first): the sell stop opens a short at
    /// 95, then the buy stop (sized 1 while flat) closes it at 105. Flat.
    @Test func pendingOrdersStayLiveAfterAFill() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("B", strategy.long, stop=105)
                strategy.entry("A", strategy.short, stop=95)
            """, bars: [Self.flat(100), (100, 106, 94, 100), Self.flat(100), Self.flat(100)])
        #expect(OrderRuleHarness.fills(r) == [Self.S(1, 95, 1, 105)])
    }

    /// A take-profit placed before its stop entry: bar 1 O100 H106 L99
    /// (low first) rises through the entry stop (102) and then the target
    /// (104) in one segment: both fill, with and without the synthetic
    /// magnifier (endpoints, 4 samples: open, low, high, close).
    @Test(arguments: [Magnifier.off, .synthetic(samples: 4, distribution: .endpoints)])
    func anExitPlacedEarlierFillsAfterItsEntry(magnifier: Magnifier) throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.exit("TP", "L", limit=104)
                strategy.entry("L", strategy.long, stop=102)
            """, bars: [Self.flat(100), (100, 106, 99, 100), Self.flat(100), Self.flat(100)], magnifier: magnifier)
        #expect(OrderRuleHarness.fills(r) == [Self.L(1, 102, 1, 104)])
    }

    /// The open exactly at a buy stop and a sell stop (the sell placed
    /// first): the buy fills first (long at 100), then the sell closes it at 100.
    @Test func openAtBothStopsBuysFirst() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("A", strategy.short, stop=100)
                strategy.entry("B", strategy.long, stop=100)
            """, bars: [(99.5, 99.8, 99.2, 99.5), (100, 100.2, 99.6, 100), Self.flat(100)])
        #expect(OrderRuleHarness.fills(r) == [Self.L(1, 100, 1, 100)])
    }

    /// Long 2 with TP (limit 105, qty 1, placed first) and SL (stop 95,
    /// qty 1); bar 2 O100 H106 L94 (low first): SL closes 1 at 95, then TP
    /// closes the other at 105.
    @Test func allExitsOfOneEntryFillInPathOrder() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long, qty=2)
                strategy.exit("TP", "L", qty=1, limit=105)
                strategy.exit("SL", "L", qty=1, stop=95)
            """, bars: [Self.flat(100), Self.flat(100), (100, 106, 94, 100), Self.flat(100)])
        #expect(OrderRuleHarness.fills(r) == [Self.L(1, 100, 2, 95), Self.L(1, 100, 2, 105)])
    }

    // MARK: - Pyramiding at the call; closes capture the position

    /// Pyramiding 1: buy stop A (101) placed flat on bar 0, buy stop B (102)
    /// placed still flat on bar 1; bar 2 O100 H103 L99.5 (low first) fills
    /// both: two open longs.
    @Test func pyramidingIsCheckedAtTheCall() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("A", strategy.long, stop=101)
            if bar_index == 1
                strategy.entry("B", strategy.long, stop=102)
            """, bars: [Self.flat(100), Self.flat(100), (100, 103, 99.5, 102.5), Self.flat(102.5)])
        #expect(OrderRuleHarness.fills(r) == [Self.L(2, 101, nil, nil), Self.L(2, 102, nil, nil)])
    }

    /// Two market entries on one side in one execution: only the first.
    @Test func secondMarketEntryOfOneExecutionIsDropped() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("A", strategy.long)
                strategy.entry("B", strategy.long)
            """, bars: [Self.flat(100), Self.flat(101), Self.flat(102)])
        #expect(OrderRuleHarness.fills(r) == [Self.L(1, 101, nil, nil)])
    }

    /// Long 1 (pyramiding 2); one execution enters L2 then close_all: the
    /// close captured long 1, so at the next open the old long closes and
    /// L2 stays open.
    @Test func closeAllCapturesThePositionAtTheCall() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long)
            if bar_index == 1
                strategy.entry("L2", strategy.long)
                strategy.close_all()
            """, strategy: "strategy(\"rule\", overlay=true, pyramiding=2)",
            bars: [Self.flat(100), Self.flat(101), Self.flat(102), Self.flat(103)])
        #expect(OrderRuleHarness.fills(r) == [Self.L(1, 101, 2, 102), Self.L(2, 102, nil, nil)])
    }

    /// A repeated close of the same id keeps the first order and its comment.
    @Test func repeatedCloseKeepsTheFirstOrder() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long)
            if bar_index == 1
                strategy.close("L", comment="first")
                strategy.close("L", comment="second")
            """, bars: [Self.flat(100), Self.flat(101), Self.flat(102)])
        #expect(OrderRuleHarness.fills(r) == [Self.L(1, 101, 2, 102)])
        #expect(r.trades.first?.exitComment == "first")
    }

    // MARK: - process_orders_on_close

    /// A short stop placed above the close has been reached: it fills at
    /// this close (100), not at the next open (100.5).
    @Test func onCloseStopAlreadyReachedFillsAtTheClose() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 1
                strategy.entry("S", strategy.short, stop=close + 1)
            """, strategy: "strategy(\"rule\", overlay=true, process_orders_on_close=true)",
            bars: [Self.flat(100), (100, 100.4, 99.6, 100), (100.5, 100.6, 100.4, 100.5)])
        #expect(OrderRuleHarness.fills(r) == [Self.S(1, 100, nil, nil)])
    }

    // MARK: - strategy.exit

    /// Version 6 keeps both a distance and a price and uses the level the
    /// price reaches first. Long at 100: profit = 100 ticks (101) with
    /// limit = 102 takes profit at 101 (bar 1 reaches 101.5); loss = 100
    /// ticks (99) with stop = 98 stops at 99 (bar 1 of the second run
    /// falls to 98.5).
    @Test func version6UsesTheLevelReachedFirst() throws {
        let up = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long)
                strategy.exit("X", "L", profit=100, limit=102, loss=1000, stop=90)
            """, bars: [Self.flat(100), (100, 101.5, 99.5, 101), (101, 102.5, 100.8, 102), Self.flat(102)])
        #expect(OrderRuleHarness.fills(up) == [Self.L(1, 100, 1, 101)])
        let down = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long)
                strategy.exit("X", "L", loss=100, stop=98)
            """, bars: [Self.flat(100), (100, 100.4, 98.5, 99), (99, 99.2, 97.5, 98), Self.flat(98)])
        #expect(OrderRuleHarness.fills(down) == [Self.L(1, 100, 1, 99)])
        // Short at 100: the take-profit reached first is the higher price
        // (99 from 100 ticks, not limit 98), the stop the lower (100.5, not
        // the 200 ticks at 102).
        let short = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("S", strategy.short)
                strategy.exit("X", "S", profit=100, limit=98, loss=200, stop=100.5)
            """, bars: [Self.flat(100), (100, 100.2, 98.8, 99.5), Self.flat(99.5)])
        #expect(OrderRuleHarness.fills(short) == [Self.S(1, 100, 1, 99)])
        let shortStop = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("S", strategy.short)
                strategy.exit("X", "S", profit=100, limit=98, loss=200, stop=100.5)
            """, bars: [Self.flat(100), (100, 100.8, 99.6, 100.6), Self.flat(100.6)])
        #expect(OrderRuleHarness.fills(shortStop) == [Self.S(1, 100, 1, 100.5)])
    }

    /// Version 5 ignores the distance when the price is given: the same
    /// long exits at limit 102 (bar 2), not at 101 (bar 1); with a na limit
    /// the 100 ticks act (101, bar 1).
    @Test func version5PriceReplacesDistance() throws {
        let bars = [Self.flat(100), (100, 101.5, 99.5, 101), (101, 102.5, 100.8, 102), Self.flat(102)]
        let given = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long)
                strategy.exit("X", "L", profit=100, limit=102)
            """, bars: bars, version: 5)
        #expect(OrderRuleHarness.fills(given) == [Self.L(1, 100, 2, 102)])
        let naLimit = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long)
                strategy.exit("X", "L", profit=100, limit=na)
            """, bars: bars, version: 5)
        #expect(OrderRuleHarness.fills(naLimit) == [Self.L(1, 100, 1, 101)])
    }

    /// trail_points = 100 ticks (activation 101) with trail_price = 103 and
    /// no offset: version 6 activates at the level reached first, 101,
    /// and exits there on bar 1 (high 101.5).
    @Test func version6TrailActivatesAtTheNearerLevel() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long)
                strategy.exit("X", "L", trail_points=100, trail_price=103, trail_offset=0)
            """, bars: [Self.flat(100), (100, 101.5, 99.8, 101), Self.flat(101)])
        #expect(OrderRuleHarness.fills(r) == [Self.L(1, 100, 1, 101)])
    }

    /// Exits sharing an `oca_name` reduce each other by what they fill:
    /// long 10 at 100; T1 (5 at 102) fills on bar 2 and takes T2 (5 at 105)
    /// down to 0, so bar 3 reaching 105 fills nothing and 5 stay open.
    /// Without the name T2 closes the other 5 at 105.
    @Test func exitsOfOneOCANameReduceEachOther() throws {
        func run(_ oca: String) throws -> [RuleFill] {
            let r = try OrderRuleHarness.run(
                """
                if bar_index == 0
                    strategy.entry("L", strategy.long, qty=10)
                    strategy.exit("T1", "L", qty=5, limit=102\(oca))
                    strategy.exit("T2", "L", qty=5, limit=105\(oca))
                """, bars: [Self.flat(100), Self.flat(100), (100, 102.5, 99.8, 102), (102, 105.5, 101.8, 105), Self.flat(105)])
            return OrderRuleHarness.fills(r)
        }
        #expect(try run(", oca_name=\"g\"") == [Self.L(1, 100, 2, 102, 5), Self.L(1, 100, nil, nil, 5)])
        #expect(try run("") == [Self.L(1, 100, 2, 102, 5), Self.L(1, 100, 3, 105, 5)])
    }

    /// An exit covers the entry orders of its id still pending when it is
    /// placed: "L" fills at bar 1's open (100), a second "L" is placed on
    /// bar 1 and the exit after it; the second fills at bar 2's open (101)
    /// and the exit's limit 103 closes both trades on bar 3.
    @Test func anExitCoversAPendingEntryOfItsId() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long)
            if bar_index == 1
                strategy.entry("L", strategy.long)
                strategy.exit("X", "L", limit=103)
            """, strategy: "strategy(\"rule\", overlay=true, pyramiding=2)",
            bars: [Self.flat(99), Self.flat(100), Self.flat(101), (101, 103.5, 100.8, 103), Self.flat(103)])
        #expect(OrderRuleHarness.fills(r) == [Self.L(1, 100, 3, 103), Self.L(2, 101, 3, 103)])
    }

    /// Without `from_entry` an exit placed once covers the trades opened
    /// after the call until the position closes: A fills at bar 1 (100),
    /// the exit (limit 104) is placed on bar 1 only, B fills at bar 3
    /// (102); bar 4 reaches 104 and closes both. After the position is
    /// flat, C (bar 6) is not covered and stays open.
    @Test func anExitWithoutFromEntryCoversLaterTradesUntilFlat() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("A", strategy.long)
            if bar_index == 1
                strategy.exit("X", limit=104)
            if bar_index == 2
                strategy.entry("B", strategy.long)
            if bar_index == 5
                strategy.entry("C", strategy.long)
            """, strategy: "strategy(\"rule\", overlay=true, pyramiding=2)",
            bars: [Self.flat(99), Self.flat(100), Self.flat(101), Self.flat(102), (102, 104.5, 101.8, 104),
                   Self.flat(104), Self.flat(104), (104, 108.5, 103.8, 108), Self.flat(108)])
        #expect(
            OrderRuleHarness.fills(r) == [Self.L(1, 100, 4, 104), Self.L(3, 102, 4, 104), Self.L(6, 104, nil, nil)])
    }

    /// `commission_value` without `commission_type` is a percent (the
    /// declaration's default): long 1 from 100 to 102 at 0.1 % pays
    /// (100 + 102) x 0.1 / 100 = 0.202, net 2 - 0.202 = 1.798.
    @Test func commissionValueAloneIsAPercent() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long)
            if bar_index == 1
                strategy.close("L")
            """, strategy: "strategy(\"rule\", overlay=true, commission_value=0.1)",
            bars: [Self.flat(99), Self.flat(100), Self.flat(102), Self.flat(102)])
        #expect(OrderRuleHarness.fills(r) == [Self.L(1, 100, 2, 102)])
        #expect(abs((r.trades.first?.commission ?? 0) - 0.202) < 1e-9)
        #expect(abs((r.trades.first?.pnl ?? 0) - 1.798) < 1e-9)
    }

    /// Long at the open 100, trail_points 20 without offset, bar O100
    /// H100.50 L99 (high first): exit at the activation level 100.20.
    @Test func trailPointsWithoutOffsetExitAtActivation() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long)
                strategy.exit("X", "L", trail_points=20)
            """, bars: [Self.flat(100), (100, 100.5, 99, 99.5), Self.flat(99.5)])
        #expect(OrderRuleHarness.fills(r) == [Self.L(1, 100, 1, 100.2)])
    }

    /// 8.3 points round up to 9 ticks: the exit is at 100.09.
    @Test func trailActivationCeilsToTicks() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long)
                strategy.exit("X", "L", trail_points=8.3)
            """, bars: [Self.flat(100), (100, 100.5, 99, 99.5), Self.flat(99.5)])
        #expect(OrderRuleHarness.fills(r) == [Self.L(1, 100, 1, 100.09)])
    }

    /// Placed on bar 1 whose close (100.50) is beyond the activation level
    /// (100.20): the exit fills at the next open (100.40).
    @Test func trailPointsBeyondAtPlacementExitAtNextOpen() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long)
            if bar_index == 1
                strategy.exit("X", "L", trail_points=20)
            """, bars: [Self.flat(100), (100, 100.5, 100, 100.5), (100.4, 100.45, 100.3, 100.35), Self.flat(100)])
        #expect(OrderRuleHarness.fills(r) == [Self.L(1, 100, 2, 100.4)])
    }

    /// A trail armed at a close of 110.00 with offset 40 ticks (stop
    /// 109.60); the next bar opens at 110.01 and falls: the open moved the
    /// best price, so the exit is at 109.61.
    @Test func theOpenMovesATrail() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 1
                strategy.exit("X", "L", trail_points=100, trail_offset=40)
            if bar_index == 0
                strategy.entry("L", strategy.long)
            """, bars: [Self.flat(100), (100, 110, 100, 110), (110.01, 110.01, 109, 109.5), Self.flat(109.5)])
        #expect(OrderRuleHarness.fills(r) == [Self.L(1, 100, 2, 109.61)])
    }

    /// The exit placed on every bar keeps its trail: activated at 101 on
    /// bar 1, best 103 (the high), stop 102.50; placing it again at the
    /// close 102.80 does not re-arm it from there (which would give 102.30).
    /// Bar 2 falls from 102.60 to 102: exit at 102.50.
    @Test func placingAnExitAgainKeepsItsTrail() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long)
            strategy.exit("X", "L", trail_points=100, trail_offset=50)
            """, bars: [Self.flat(100), (100, 103, 100, 102.8), (102.6, 102.7, 102, 102.2), Self.flat(102)])
        #expect(OrderRuleHarness.fills(r) == [Self.L(1, 100, 2, 102.5)])
    }

    /// Long 2; every bar places TP (limit 110, qty_percent 50) then SL
    /// (stop 95): TP holds 1, SL the other 1. Bar 2 falls to 94: SL closes
    /// 1 at 95 and TP still waits; bar 3 rises to 111: TP closes 1 at 110.
    @Test func exitQuantitiesAreReservedAndShared() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long, qty=2)
            strategy.exit("TP", "L", qty_percent=50, limit=110)
            strategy.exit("SL", "L", stop=95)
            """, bars: [Self.flat(100), Self.flat(100), (100, 100, 94, 96), (96, 111, 96, 109), Self.flat(109)])
        #expect(OrderRuleHarness.fills(r) == [Self.L(1, 100, 2, 95), Self.L(1, 100, 3, 110)])
    }

    // MARK: - Margin

    /// Equity 1,000, close 100, qty 10.5 at margin 100%: 1,050 > 1,000, the
    /// entry is not placed; qty 10 (1,000) is.
    @Test func marketEntryBeyondMarginIsNotPlaced() throws {
        let strategy = "strategy(\"rule\", overlay=true, initial_capital=1000, margin_long=100, margin_short=100)"
        let bars = [Self.flat(100), Self.flat(100), Self.flat(100)]
        let over = try OrderRuleHarness.run(
            "if bar_index == 0\n    strategy.entry(\"L\", strategy.long, qty=10.5)", strategy: strategy, bars: bars)
        #expect(OrderRuleHarness.fills(over) == [])
        let within = try OrderRuleHarness.run(
            "if bar_index == 0\n    strategy.entry(\"L\", strategy.long, qty=10)", strategy: strategy, bars: bars)
        #expect(OrderRuleHarness.fills(within) == [Self.L(1, 100, nil, nil, 10)])
    }

    /// 100 % of the equity from flat needs exactly the equity, which is not
    /// more than the equity: capital 15,054.583496211066 at a close of
    /// 3,660.07 sizes qty = capital / close, and qty x close comes back one
    /// unit in the last place above the capital in floating point; the
    /// entry is placed all the same.
    @Test func fullEquityEntryIsNotRefusedOnRoundingError() throws {
        let capital = 15054.583496211066
        let close = 3660.07
        let qty = capital / close
        #expect(qty * close > capital)  // the rounding the rule must absorb
        let r = try OrderRuleHarness.run(
            "if bar_index == 0\n    strategy.entry(\"L\", strategy.long)",
            strategy: "strategy(\"rule\", initial_capital=\(capital), default_qty_type=strategy.percent_of_equity, "
                + "default_qty_value=100, margin_long=100)",
            bars: [(close, close + 1, close - 1, close), (close, close + 1, close - 1, close), (close, close, close, close)])
        #expect(OrderRuleHarness.fills(r) == [Self.L(1, close, nil, nil, qty)])
    }

    /// A short of 100 % of the equity with 2 ticks of slippage is sized at
    /// the close minus the slippage (99.98: qty 10,000 / 99.98) and needs
    /// that value, the equity: it is placed and fills at the next open less
    /// the slippage (99.90 - 0.02). The bars then fall, so no margin call.
    @Test func fullEquityShortWithSlippageIsPlaced() throws {
        let r = try OrderRuleHarness.run(
            "if bar_index == 0\n    strategy.entry(\"S\", strategy.short)",
            strategy: "strategy(\"rule\", initial_capital=10000, default_qty_type=strategy.percent_of_equity, "
                + "default_qty_value=100, slippage=2, margin_short=100)",
            bars: [Self.flat(100), (99.9, 99.9, 99, 99), (99, 99, 99, 99)])
        #expect(OrderRuleHarness.fills(r) == [Self.S(1, 99.88, nil, nil, 10000 / 99.98)])
    }

    // MARK: - Levels near the grid

    /// A buy limit 0.00007 tick below 100.00 is 100.00: a low of 100.00
    /// fills it; 0.00015 tick below is not a tick and is not reached.
    @Test func levelsWithinATenThousandthOfATickAreTheTick() throws {
        let bars = [(100.2, 100.3, 100.1, 100.2), (100.2, 100.3, 100.0, 100.1), (100.1, 100.2, 100.0, 100.1)]
        let near = try OrderRuleHarness.run(
            "if bar_index == 0\n    strategy.entry(\"L\", strategy.long, limit=100 - 0.0000007)", bars: bars)
        #expect(OrderRuleHarness.fills(near) == [Self.L(1, 100, nil, nil)])
        let off = try OrderRuleHarness.run(
            "if bar_index == 0\n    strategy.entry(\"L\", strategy.long, limit=100 - 0.0000015)", bars: bars)
        #expect(OrderRuleHarness.fills(off) == [])
    }

    // MARK: - Pivots

    /// Highs 3 5 8 8 6 4 (left = right = 2): the second 8 (bar 3) is the
    /// pivot, found on bar 5; the entry fills at bar 6's open. Lows mirrored
    /// for ta.pivotlow.
    @Test func pivotTiesGoToTheLastOfEqualExtremes() throws {
        let highs: [Double] = [3, 5, 8, 8, 6, 4, 4, 4]
        let up = try OrderRuleHarness.run(
            """
            ph = ta.pivothigh(2, 2)
            if not na(ph)
                strategy.entry("P", strategy.long, comment=str.tostring(ph))
            """, bars: highs.map { ($0 - 1, $0, $0 - 2, $0 - 1) })
        #expect(OrderRuleHarness.fills(up) == [Self.L(6, 3, nil, nil)])
        let down = try OrderRuleHarness.run(
            """
            pl = ta.pivotlow(2, 2)
            if not na(pl)
                strategy.entry("P", strategy.short)
            """, bars: highs.map { (20 - $0 + 1, 20 - $0 + 2, 20 - $0, 20 - $0 + 1) })
        #expect(OrderRuleHarness.fills(down) == [Self.S(6, 17, nil, nil)])
    }
}
