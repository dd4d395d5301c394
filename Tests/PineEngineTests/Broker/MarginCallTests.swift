import Foundation
import PFData
import Testing

@testable import PineEngine

/// Margin calls as TradingView's user manual documents them (Strategies,
/// Margin): at the bar's worst price for the position, when equity -
/// position value x margin % is negative, the cover amount (that deficit
/// / margin ratio / price, truncated to the symbol's quantity step) is
/// liquidated four times over, at most the whole position, as a market
/// fill with the exit id "Margin call". Daily bars, tick 0.01, lot step 1.
@Suite("Margin calls")
struct MarginCallTests {
    static let start: Int64 = 1_704_067_200_000
    static let day: Int64 = 86_400_000

    static func run(
        _ body: String, strategy: String, bars ohlc: [(Double, Double, Double, Double)], lotStep: Double? = 1
    ) throws -> BacktestReport {
        let source = "//@version=6\n" + strategy + "\n" + body
        let program = try PineProgram.compile(source: source, fileName: "margin.pine")
        let store = BarStore(
            time: ohlc.indices.map { start + Int64($0) * day }, open: ohlc.map { $0.0 }, high: ohlc.map { $0.1 },
            low: ohlc.map { $0.2 }, close: ohlc.map { $0.3 }, volume: ohlc.map { _ in 1 })
        let data = try PreparedData(store: store, sourceTimeframe: Timeframe("1D"), lotStep: lotStep)
        return try ScriptRunner(program: program, data: data).run(RunOptions()).report
    }

    /// The manual's ten steps for a position of `qty` entered at `entry`,
    /// checked at `price`: the quantity the margin call liquidates (0: none).
    static func documented(
        qty: Double, entry: Double, price: Double, long: Bool, capital: Double, netProfit: Double, marginPercent: Double,
        lot: Double
    ) -> Double {
        let moneySpent = qty * entry
        let mvs = qty * price
        let openProfit = (mvs - moneySpent) * (long ? 1 : -1)
        let equity = capital + netProfit + openProfit
        let ratio = marginPercent / 100
        let margin = mvs * ratio
        let available = equity - margin
        guard available < 0 else { return 0 }
        let loss = available / ratio
        let cover = (abs(loss / price) / lot).rounded(.towardZero) * lot
        return min(cover * 4, qty)
    }

    /// The manual's own example: the Supertrend strategy on NASDAQ:TSLA 1D,
    /// 682,438 shares bought at 4.43 with 1,000,000 of capital and 25%
    /// margin; when the price dips to 3.90 the emulator liquidates 111,052
    /// shares (the figure TradingView publishes). The next bar, at a low of
    /// 3.95, the rest is covered: no second call.
    @Test func theManualsTeslaExample() throws {
        let r = try Self.run(
            """
            if bar_index == 0
                strategy.entry("Long", strategy.long, qty=682438)
            """,
            strategy: "strategy(\"tsla\", initial_capital=1000000, margin_long=25, margin_short=25)",
            bars: [(4.43, 4.43, 4.43, 4.43), (4.43, 4.50, 4.43, 4.45), (4.40, 4.45, 3.90, 4.00), (4.00, 4.05, 3.95, 4.00)])
        let expected = Self.documented(
            qty: 682438, entry: 4.43, price: 3.90, long: true, capital: 1_000_000, netProfit: 0, marginPercent: 25, lot: 1)
        #expect(expected == 111052)
        #expect(r.trades.count == 1)
        let t = try #require(r.trades.first)
        #expect(t.qty == expected)
        #expect(abs(t.exitPrice - 3.90) < 1e-9)
        #expect(t.exitTime == Self.start + 2 * Self.day)
        #expect(t.exitId == "Margin call")
        #expect(abs(t.pnl - (3.90 - 4.43) * expected) < 1e-6)
        #expect(r.openTrades.map(\.qty) == [682438 - expected])
        #expect(r.counters.marginCalls == 1)
        // Bar 3 at its low: the remaining position is covered.
        let second = Self.documented(
            qty: 682438 - expected, entry: 4.43, price: 3.95, long: true, capital: 1_000_000, netProfit: t.pnl,
            marginPercent: 25, lot: 1)
        #expect(second == 0)
        #expect(ReportWriter.tradesCSV(r).contains(",Long,Margin call,"))
    }

    /// A short of 100 at 100 with 10,000 and 100% margin: at bar 2's high
    /// (104) equity 9,600 < margin 10,400, cover trunc(800 / 104) = 7, 28
    /// bought back; at bar 4's high (130) the 72 left call again: equity
    /// 9,888 - 2,160 = 7,728 < 9,360, cover trunc(1,632 / 130) = 12, 48
    /// bought back.
    @Test func aShortIsCalledTwiceAtTheBarsHighs() throws {
        let r = try Self.run(
            """
            if bar_index == 0
                strategy.entry("S", strategy.short, qty=100)
            """,
            strategy: "strategy(\"short\", initial_capital=10000, margin_long=100, margin_short=100)",
            bars: [
                (100, 100, 100, 100), (100, 100, 100, 100), (100, 104, 99, 103), (103, 103.5, 102, 103),
                (103, 130, 103, 125), (125, 126, 124, 125),
            ])
        let first = Self.documented(
            qty: 100, entry: 100, price: 104, long: false, capital: 10_000, netProfit: 0, marginPercent: 100, lot: 1)
        #expect(first == 28)
        let net1 = (100 - 104) * first
        #expect(
            Self.documented(
                qty: 100 - first, entry: 100, price: 103.5, long: false, capital: 10_000, netProfit: net1,
                marginPercent: 100, lot: 1) == 0)
        let second = Self.documented(
            qty: 100 - first, entry: 100, price: 130, long: false, capital: 10_000, netProfit: net1, marginPercent: 100,
            lot: 1)
        #expect(second == 48)
        #expect(r.trades.map(\.qty) == [first, second])
        #expect(r.trades.map(\.exitPrice) == [104, 130])
        #expect(r.trades.map(\.exitId) == ["Margin call", "Margin call"])
        #expect(r.trades.map { Int(($0.exitTime - Self.start) / Self.day) } == [2, 4])
        #expect(r.openTrades.map(\.qty) == [100 - first - second])
        #expect(r.counters.marginCalls == 2)
    }

    /// With a slippage the call is computed at the bar's worst price and
    /// fills as a market exit, 3 ticks against the position: long 10 at 100
    /// (bought 3 ticks above the open), 600 of capital, 50% margin; at a low
    /// of 60 the whole position is liquidated at 59.97.
    @Test func aMarginCallSlipsLikeAMarketExit() throws {
        let r = try Self.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long, qty=10)
            """,
            strategy: "strategy(\"slip\", initial_capital=600, margin_long=50, margin_short=50, slippage=3)",
            bars: [(100, 100, 100, 100), (100, 100, 100, 100), (90, 95, 60, 80), (80, 80, 80, 80)])
        #expect(r.trades.map(\.entryPrice) == [100.03])
        #expect(r.trades.map(\.exitPrice) == [59.97])
        #expect(r.trades.map(\.exitId) == ["Margin call"])
    }

    /// Four times the cover amount beyond the position closes all of it:
    /// long 10 at 100, 600 of capital, 50% margin; at a low of 60 equity
    /// 200 < 300, cover trunc(200 / 60) = 3, 12 > 10.
    @Test func fourTimesTheCoverIsCappedAtThePosition() throws {
        let r = try Self.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long, qty=10)
            """,
            strategy: "strategy(\"cap\", initial_capital=600, margin_long=50, margin_short=50)",
            bars: [(100, 100, 100, 100), (100, 100, 100, 100), (90, 95, 60, 80), (80, 80, 80, 80)])
        #expect(
            Self.documented(qty: 10, entry: 100, price: 60, long: true, capital: 600, netProfit: 0, marginPercent: 50, lot: 1)
                == 10)
        #expect(r.trades.map(\.qty) == [10])
        #expect(r.trades.map(\.exitPrice) == [60])
        #expect(r.openTrades.isEmpty)
    }

    /// Where the documented rule liquidates nothing although the equity is
    /// short (the cover amount truncates to zero lots), the run is refused
    /// at that bar, naming the margin setting: long 10 at 100, 510 of
    /// capital, 50% margin, low 97: equity 480 < 485, cover 10 / 97 < 1.
    @Test func aCoverBelowOneLotIsRefused() throws {
        #expect(
            Self.documented(qty: 10, entry: 100, price: 97, long: true, capital: 510, netProfit: 0, marginPercent: 50, lot: 1)
                == 0)
        let declaration = "strategy(\"tiny\", initial_capital=510, margin_long=50, margin_short=50)"
        // Located at the value of margin_long on line 2 (1-based columns).
        let column = declaration.distance(
            from: declaration.startIndex, to: try #require(declaration.range(of: "margin_long=")).upperBound) + 1
        do {
            _ = try Self.run(
                """
                if bar_index == 0
                    strategy.entry("L", strategy.long, qty=10)
                """,
                strategy: declaration, bars: [(100, 100, 100, 100), (100, 100, 100, 100), (99, 99, 97, 98)])
            Issue.record("expected a refusal")
        } catch {
            let text = "\(error)"
            #expect(text.hasPrefix("margin.pine:2:\(column): runtime error: margin call:"), "\(text)")
            #expect(text.contains("margin_long"), "\(text)")
            #expect(text.contains("(bar 2, 2024-01-03T00:00:00Z)"), "\(text)")
        }
    }

    /// Margin 0 (no margin requirement) never calls: the same fall as above
    /// leaves the long whole.
    @Test func noMarginNoCall() throws {
        let r = try Self.run(
            """
            if bar_index == 0
                strategy.entry("L", strategy.long, qty=10)
            """,
            strategy: "strategy(\"none\", initial_capital=600, margin_long=0, margin_short=0)",
            bars: [(100, 100, 100, 100), (100, 100, 100, 100), (90, 95, 60, 80), (80, 80, 80, 80)])
        #expect(r.trades.isEmpty)
        #expect(r.openTrades.map(\.qty) == [10])
    }
}
