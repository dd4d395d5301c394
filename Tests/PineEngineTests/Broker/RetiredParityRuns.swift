import Foundation
import PineEngine
import Testing

/// Parity runs whose reference engine differs from TradingView in one of
/// three behaviours: it fills at most one pending order after another fill
/// in the same bar; it re-arms a trailing stop from the close each time
/// `strategy.exit` is placed again with the same id; it fills the market
/// orders of one execution in placement order, where TradingView fills the
/// closes before the entries (an entry placed before an opposite close
/// keeps the size fixed at its call and opens all of it). Each run below
/// left the gate because its first differing trade is explained by one of
/// them (bar indices are script bars of the run; prices as filled):
///
/// - 06-atr-trail/default, trade 3: long TL from bar 7092 at 3342.91; TLx
///   (trail, placed on every bar) keeps its best price since activation
///   and exits at 3353.98 on bar 7101; the reference, re-armed from each
///   close, exits at 3353.35 on bar 7104. No open in between is above the
///   previous bar's high, so the trail moves only by the kept state.
///   Rule: placing an exit again keeps its trail.
/// - 06-atr-trail/alt1, trade 2: long TL from bar 7095 at 3347.90; TLx
///   exits at 3366.00 on bar 7106 (best 3371.12, bar 7105's high); the
///   reference at 3363.64 on bar 7108. Same rule, no gap opens.
/// - 06-atr-trail/alt2, trade 1: long TL from bar 7023 at 3355.36; TLx
///   exits at 3354.93 on bar 7113; the reference, re-armed from each close,
///   only at 3465.33 on bar 7168. Same rule, no gap opens.
/// - 07-donchian-stop-entry/default, trade 516: flat with DonL (buy stop
///   4666.01) and DonS (sell stop 4603.44) pending; bar 28766 O 4612.26
///   H 4670.23 L 4583.00 goes low first: DonS opens a short at 4603.44,
///   then DonL closes it at 4666.01 on the same bar. The reference skips
///   DonL (placed before the order that filled) and keeps the short to
///   bar 28806. Rule: every pending order stays live after a fill.
/// - 07-donchian-stop-entry/alt1, trade 295: bar 14484 O 2026.49 H 2065.90
///   L 1994.16: DonS short at 1997.20, DonL closes it at 2056.49 on the
///   same bar (the reference: bar 14502 at 2046.43). Same rule.
/// - 07-donchian-stop-entry/alt2, trade 510: bar 40679 O 2925.85 H 2994.89
///   L 2882.49: DonS short at 2905.28, DonL closes it at 2973.53 on the same
///   bar (the reference: at the next open, 2993.94). Same rule.
/// - 10-pyramid-pct-equity/default, trade 4: short 8.99078 (Down entries,
///   trades 1-3) when bar 7083 closes at 3352.07, above the 24-bar high
///   (3349.43) and the 96-bar SMA (3348.83): the script places
///   entry("Up", long) first, sized 2.97673 + 8.99078 = 11.96751, then
///   close("Down"). At bar 7084's open (3352.06, 3352.08 with slippage) the
///   close takes the three shorts and Up buys its 11.96751: trade 4 is a
///   long of 11.96751. The reference fills Up first (it closes the shorts
///   and opens 2.97673) and leaves the close alone. Trades 1-3 are the same
///   rows in both (same time and price). Rule: closes fill before entries.
/// - 10-pyramid-pct-equity/alt1, trade 4: bar 7069 closes at 3349.43 above
///   the 12-bar high (3342.08) and the 48-bar SMA (3343.87) with short
///   8.97752: Up (sized 2.98120 + 8.97752) then close("Down"); trade 4 is a
///   long of 11.95873 from bar 7070 at 3349.44 (the reference: 2.98120).
///   Same rule.
/// - 10-pyramid-pct-equity/alt2, trade 4: bar 7103 closes at 3359.18 above
///   the 48-bar high (3357.00) and the 192-bar SMA (3356.98) with short
///   9.00609: trade 4 is a long of 11.97328 from bar 7104 at 3359.20 (the
///   reference: 2.96719). Same rule.
///
/// The rules are tested by hand-derived cases in `OrderRuleTests`
/// (`pendingOrdersStayLiveAfterAFill`, `placingAnExitAgainKeepsItsTrail`,
/// `entryBeforeCloseKeepsItsFixedSize` and the tests after it) and, for
/// the three Donchian bars and the pyramided reversal, below.
enum RetiredParityRuns {
    static let ids: Set<String> = [
        "06-atr-trail/default", "06-atr-trail/alt1", "06-atr-trail/alt2",
        "07-donchian-stop-entry/default", "07-donchian-stop-entry/alt1", "07-donchian-stop-entry/alt2",
        "10-pyramid-pct-equity/default", "10-pyramid-pct-equity/alt1", "10-pyramid-pct-equity/alt2",
    ]

    /// The runs of `caseName` that stay in the gate.
    static func kept(_ caseName: String, _ runs: [String]) -> [String] {
        runs.filter { !ids.contains("\(caseName)/\($0)") }
    }
}

@Suite("Retired parity runs")
struct RetiredParityRunTests {
    /// The bar of each retired Donchian run with its two stops: the path
    /// goes low first (|high - open| >= |open - low|), the sell stop opens
    /// a short at its level and the buy stop (sized 1 while flat) closes it
    /// at its level on the same bar.
    @Test(arguments: [
        (4612.26, 4670.23, 4583.00, 4627.73, 4666.01, 4603.44),
        (2026.49, 2065.90, 1994.16, 2027.50, 2056.49, 1997.20),
        (2925.85, 2994.89, 2882.49, 2993.94, 2973.53, 2905.28),
    ])
    func donchianBarFillsBothStops(bar: (Double, Double, Double, Double, Double, Double)) throws {
        let (o, h, l, c, buyStop, sellStop) = bar
        let r = try OrderRuleHarness.run(
            """
            if bar_index == 0
                strategy.entry("DonL", strategy.long, stop=\(buyStop))
                strategy.entry("DonS", strategy.short, stop=\(sellStop))
            """, bars: [(o, o + 1, o - 1, o), (o, h, l, c), (c, c + 0.01, c - 0.01, c)])
        #expect(
            OrderRuleHarness.fills(r) == [
                RuleFill(direction: .short, entryBar: 1, entryPrice: sellStop, exitBar: 1, exitPrice: buyStop, qty: 1)
            ])
    }

    /// Case j's bar, by hand: pyramiding 3, three short entries (1 each,
    /// filled at the opens of bars 1-3: 100, 101, 102); bar 3 places
    /// entry("Up", long) first (1 + the short 3 = 4), then close("Down").
    /// At bar 4's open (103) the close takes the three shorts, then Up buys
    /// its 4: a long of 4 at 103.
    @Test func pyramidedShortThenEntryBeforeCloseOpensTheWholeSize() throws {
        let r = try OrderRuleHarness.run(
            """
            if bar_index <= 2
                strategy.entry("Down", strategy.short)
            if bar_index == 3
                strategy.entry("Up", strategy.long)
                strategy.close("Down")
            """, strategy: "strategy(\"rule\", overlay=true, pyramiding=3)",
            bars: (0..<6).map { i in let o = 100 + Double(i) - 1; return (o, o + 0.5, o - 0.5, o) })
        func short(_ bar: Int, _ price: Double) -> RuleFill {
            RuleFill(direction: .short, entryBar: bar, entryPrice: price, exitBar: 4, exitPrice: 103, qty: 1)
        }
        #expect(
            OrderRuleHarness.fills(r) == [
                short(1, 100), short(2, 101), short(3, 102),
                RuleFill(direction: .long, entryBar: 4, entryPrice: 103, exitBar: nil, exitPrice: nil, qty: 4),
            ])
        #expect(r.trades.map(\.exitId) == ["Down", "Down", "Down"])
    }
}
