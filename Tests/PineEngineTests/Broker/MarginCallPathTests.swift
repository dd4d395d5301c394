import Foundation
import PFData
import Testing

@testable import PineEngine

/// The margin call checks a position at the worst price it has seen on the
/// bar: all of the bar for a position open before it, the path from its
/// opening fill on for one opened inside it (the bar's path: open, nearer
/// extreme, other extreme, close). Expected quantities follow the manual's
/// ten steps (`MarginCallTests.documented`); daily bars, tick 0.01, lot 1.
@Suite("Margin calls along the bar's path")
struct MarginCallPathTests {
    typealias Base = MarginCallTests

    /// A buy stop placed on bar 0, 18 at 105, 1,000 of capital, 50% margin.
    static let buyStop = """
        if bar_index == 0
            strategy.entry("L", strategy.long, qty=18, stop=105)
        """
    static let declaration = "strategy(\"path\", initial_capital=1000, margin_long=50, margin_short=50)"

    /// Bar 1 (O 100 H 120 L 90 C 115) goes open -> low -> high -> close: the
    /// stop fills at 105 on the way up, after the low of 90, and the path
    /// after it stays at or above 105: equity 1,000 covers 18 x 105 x 50% =
    /// 945, no call (at the low it would be 730 < 810, 4 liquidated). Bar 2
    /// (O 115 H 116 L 80 C 85), held from before, is checked at its low:
    /// equity 550 < 720, cover trunc(340 / 80) = 4, 16 liquidated at 80.
    @Test func aLongBoughtAfterTheLowIsCheckedFromItsFill() throws {
        let r = try Base.run(
            Self.buyStop, strategy: Self.declaration,
            bars: [(100, 100, 100, 100), (100, 120, 90, 115), (115, 116, 80, 85)])
        let wouldHaveBeen = Base.documented(
            qty: 18, entry: 105, price: 90, long: true, capital: 1000, netProfit: 0, marginPercent: 50, lot: 1)
        #expect(wouldHaveBeen == 4)
        #expect(
            Base.documented(qty: 18, entry: 105, price: 105, long: true, capital: 1000, netProfit: 0, marginPercent: 50, lot: 1)
                == 0)
        let called = Base.documented(
            qty: 18, entry: 105, price: 80, long: true, capital: 1000, netProfit: 0, marginPercent: 50, lot: 1)
        #expect(called == 16)
        let t = try #require(r.trades.first)
        #expect(r.trades.count == 1)
        #expect(t.entryPrice == 105)
        #expect(t.entryTime == Base.start + Base.day)
        #expect(t.exitId == "Margin call")
        #expect(t.exitTime == Base.start + 2 * Base.day)
        #expect(t.qty == called)
        #expect(t.exitPrice == 80)
        #expect(r.openTrades.map(\.qty) == [18 - called])
        #expect(r.counters.marginCalls == 1)
        // The check and the shortfall count agree: nothing left short on either bar.
        #expect(r.counters.marginShortfallBars == 0)
    }

    /// The same stop on a bar going open -> high -> low -> close (O 100 H 106
    /// L 85 C 90): filled at 105 on the way to the high, the long then sees
    /// the low of 85: equity 640 < 765, cover trunc(250 / 85) = 2, 8
    /// liquidated at 85 on the entry bar.
    @Test func aLowAfterTheFillStillCalls() throws {
        let r = try Base.run(
            Self.buyStop, strategy: Self.declaration, bars: [(100, 100, 100, 100), (100, 106, 85, 90)])
        let called = Base.documented(
            qty: 18, entry: 105, price: 85, long: true, capital: 1000, netProfit: 0, marginPercent: 50, lot: 1)
        #expect(called == 8)
        #expect(r.trades.map(\.qty) == [called])
        #expect(r.trades.map(\.exitPrice) == [85])
        #expect(r.trades.map(\.exitTime) == [Base.start + Base.day])
        #expect(r.openTrades.map(\.qty) == [18 - called])
    }

    /// Mirrored: a sell stop at 95 on a bar going open -> high -> low ->
    /// close (O 100 H 110 L 80 C 85) opens a short of 18 after the high of
    /// 110; the path after it stays at or below 95: equity 1,000 covers
    /// 18 x 95 x 50% = 855, no call (at the high: 730 < 990, 16
    /// liquidated).
    @Test func aShortSoldAfterTheHighIsCheckedFromItsFill() throws {
        let r = try Base.run(
            """
            if bar_index == 0
                strategy.entry("S", strategy.short, qty=18, stop=95)
            """, strategy: Self.declaration, bars: [(100, 100, 100, 100), (100, 110, 80, 85)])
        #expect(
            Base.documented(qty: 18, entry: 95, price: 110, long: false, capital: 1000, netProfit: 0, marginPercent: 50, lot: 1)
                == 16)
        #expect(
            Base.documented(qty: 18, entry: 95, price: 95, long: false, capital: 1000, netProfit: 0, marginPercent: 50, lot: 1)
                == 0)
        #expect(r.trades.isEmpty)
        #expect(r.openTrades.map(\.qty) == [18])
        #expect(r.openTrades.map(\.entryPrice) == [95])
        #expect(r.counters.marginCalls == 0)
        #expect(r.counters.marginShortfallBars == 0)
    }

    /// A market entry fills at the open, so its position sees the whole bar
    /// even when nothing else is pending on it: long 10 at 100, 600 of
    /// capital, 50% margin, bar 1 (O 100 H 101 L 60 C 80): equity 200 < 300,
    /// cover trunc(200 / 60) = 3, 12 > 10: all 10 liquidated at 60 on the
    /// entry bar.
    @Test func aPositionOpenedAtTheOpenSeesTheWholeBar() throws {
        let r = try Base.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long, qty=10)
            """,
            strategy: "strategy(\"open\", initial_capital=600, margin_long=50, margin_short=50)",
            bars: [(100, 100, 100, 100), (100, 101, 60, 80)])
        #expect(
            Base.documented(qty: 10, entry: 100, price: 60, long: true, capital: 600, netProfit: 0, marginPercent: 50, lot: 1)
                == 10)
        #expect(r.trades.map(\.qty) == [10])
        #expect(r.trades.map(\.exitPrice) == [60])
        #expect(r.trades.map(\.exitTime) == [Base.start + Base.day])
    }

    /// With the real-bar magnifier the path is the sub-bars': 15-minute
    /// sub-bars, 30-minute script bars. Script bar 1 (O 100 H 106 L 85 C 104)
    /// goes high first on its own path, so the buy stop at 105 fills on the
    /// way to 106 and the long then sees 85: 8 liquidated at 85 (as above).
    /// Its sub-bars (100 -> 85 -> 90, then 90 -> 106 -> 104) reach 85 first:
    /// the stop fills on the second, after the low, and the long sees 105,
    /// 106 and 104: equity 982 covers 18 x 104 x 50% = 936, no call.
    @Test func theMagnifiersPathDecidesWhatThePositionSaw() throws {
        let sub: [(Double, Double, Double, Double)] = [
            (100, 100, 100, 100), (100, 100, 100, 100), (100, 100, 85, 90), (90, 106, 90, 104),
            (104, 104, 104, 104), (104, 104, 104, 104),
        ]
        let quarter: Int64 = 900_000
        let store = BarStore(
            time: sub.indices.map { Base.start + Int64($0) * quarter }, open: sub.map { $0.0 },
            high: sub.map { $0.1 }, low: sub.map { $0.2 }, close: sub.map { $0.3 }, volume: sub.map { _ in 1 })
        let data = try PreparedData(
            store: store, sourceTimeframe: Timeframe("15"), scriptTimeframe: Timeframe("30"), lotStep: 1)
        let program = try PineProgram.compile(
            source: "//@version=6\n" + Self.declaration + "\n" + Self.buyStop, fileName: "path.pine")
        let plain = try ScriptRunner(program: program, data: data).run(RunOptions()).report
        #expect(plain.trades.map(\.qty) == [8])
        #expect(plain.trades.map(\.exitPrice) == [85])
        let magnified = try ScriptRunner(program: program, data: data).run(RunOptions(magnifier: .realBars)).report
        #expect(
            Base.documented(qty: 18, entry: 105, price: 104, long: true, capital: 1000, netProfit: 0, marginPercent: 50, lot: 1)
                == 0)
        #expect(magnified.trades.isEmpty)
        #expect(magnified.openTrades.map(\.entryPrice) == [105])
        #expect(magnified.openTrades.map(\.qty) == [18])
        #expect(magnified.counters.marginCalls == 0)
    }
}
