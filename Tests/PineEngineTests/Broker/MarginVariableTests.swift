import Foundation
import PFData
import Testing

@testable import PineEngine

/// `strategy.opentrades.capital_held` and `strategy.margin_liquidation_price`
/// on hand-built daily bars (tick 0.01), expected values worked out here
/// from their definitions:
/// - capital held: the money spent on the open trades, quantity x entry
///   price (x point value, in the strategy's currency at the entry's rate);
///   na when margin_long and margin_short are both 0;
/// - liquidation price: the price where equity = margin, ((capital + net
///   profit) / (point value x quantity x rate) - direction x average entry)
///   / (margin % / 100 - direction), rounded down to the tick for a long,
///   up for a short; na while flat or when the side's margin is 0 or 100.
@Suite("Margin variables")
struct MarginVariableTests {
    static let start: Int64 = 1_704_067_200_000
    static let day: Int64 = 86_400_000

    static func store(_ ohlc: [(Double, Double, Double, Double)]) -> BarStore {
        BarStore(
            time: ohlc.indices.map { start + Int64($0) * day }, open: ohlc.map { $0.0 }, high: ohlc.map { $0.1 },
            low: ohlc.map { $0.2 }, close: ohlc.map { $0.3 }, volume: ohlc.map { _ in 1 })
    }

    static func run(_ declaration: String, _ body: String, bars: [(Double, Double, Double, Double)]) throws -> RunResult {
        let source = "//@version=6\n" + declaration + "\n" + body + """

            plot(strategy.opentrades.capital_held, "held")
            plot(strategy.margin_liquidation_price, "liq")
            """
        let data = try PreparedData(store: store(bars), sourceTimeframe: Timeframe("1D"))
        return try ScriptHarness.run(source, fileName: "m.pine", data: data)
    }

    /// The liquidation price from its definition, on the 0.01 grid away from the market.
    static func liquidation(
        capital: Double, net: Double, qty: Double, average: Double, marginPercent: Double, long: Bool,
        rate: Double = 1
    ) -> Double {
        let d = long ? 1.0 : -1.0
        let raw = ((capital + net) / (qty * rate) - d * average) / (marginPercent / 100 - d)
        let ticks = raw / 0.01
        return (long ? (ticks + 1e-9).rounded(.down) : (ticks - 1e-9).rounded(.up)) * 0.01
    }

    /// Long 20 at 100 (bar 1), 5 more at 102 (bar 2), all closed at 104
    /// (bar 4, +90), then short 10 at 105 (bar 5); 1,000 of capital,
    /// margin_long 25, margin_short 50.
    /// - bar 1: held 2,000; liquidation (50 - 100) / -0.75 = 66.67 -> 66.66;
    /// - bars 2-3: held 2,510; average 100.4, (40 - 100.4) / -0.75 = 80.5333 -> 80.53;
    /// - bar 4: flat, held 0, liquidation na;
    /// - bar 5: held 1,050; (1,090 / 10 + 105) / 1.5 = 142.6667 -> 142.67.
    @Test func heldCapitalAndLiquidationPriceFollowThePosition() throws {
        let r = try Self.run(
            "strategy(\"m\", initial_capital=1000, margin_long=25, margin_short=50, pyramiding=2)",
            """
            if bar_index == 0
                strategy.entry("A", strategy.long, qty=20)
            if bar_index == 1
                strategy.entry("B", strategy.long, qty=5)
            if bar_index == 3
                strategy.close_all()
            if bar_index == 4
                strategy.entry("S", strategy.short, qty=10)
            """,
            bars: [
                (100, 100, 100, 100), (100, 101, 99, 101), (102, 103, 101, 102), (102, 102, 102, 102),
                (104, 104, 104, 104), (105, 106, 104, 105),
            ])
        #expect(r.report.counters.marginCalls == 0)
        #expect(r.report.trades.map(\.pnl) == [80, 10])
        let held = try #require(r.plotSeries["held"])
        let first: Double = 20 * 100
        let both: Double = first + 5 * 102
        let short: Double = 10 * 105
        #expect(held == [0, first, both, both, 0, short])
        let liq = try #require(r.plotSeries["liq"])
        let one = Self.liquidation(capital: 1000, net: 0, qty: 20, average: 100, marginPercent: 25, long: true)
        let two = Self.liquidation(
            capital: 1000, net: 0, qty: 25, average: both / 25, marginPercent: 25, long: true)
        let three = Self.liquidation(capital: 1000, net: 90, qty: 10, average: 105, marginPercent: 50, long: false)
        #expect([one, two, three].map { ($0 * 100).rounded() } == [6666, 8053, 14267])
        #expect(liq[0].isNaN && liq[4].isNaN)
        #expect(ScriptHarness.same([liq[1], liq[2], liq[3], liq[5]], [one, two, two, three]))
    }

    /// The liquidation price is where the margin call fires: long 20 at 100,
    /// 1,000 of capital, 25% margin, no lot step, so the price is 66.6667
    /// (66.66 on the grid). A low of 66.67 leaves equity 333.40 over the
    /// margin 333.35: no call; a low of 66.66 leaves 333.20 under 333.30:
    /// called.
    @Test func theMarginCallFiresAtTheLiquidationPrice() throws {
        let declaration = "strategy(\"m\", initial_capital=1000, margin_long=25, margin_short=25)"
        let body = """
            if bar_index == 0
                strategy.entry("A", strategy.long, qty=20)
            """
        let above = try Self.run(declaration, body, bars: [(100, 100, 100, 100), (100, 100, 100, 100), (70, 70, 66.67, 70)])
        #expect(above.report.counters.marginCalls == 0)
        #expect(abs((above.plotSeries["liq"]?.last ?? 0) - 66.66) < 1e-9)
        let at = try Self.run(declaration, body, bars: [(100, 100, 100, 100), (100, 100, 100, 100), (70, 70, 66.66, 70)])
        #expect(at.report.counters.marginCalls == 1)
        #expect(at.report.trades.count == 1)
        #expect(abs((at.report.trades.first?.exitPrice ?? 0) - 66.66) < 1e-9)
    }

    /// Without margin (both 0) neither is defined; at 100% margin the long
    /// uses no leverage: its liquidation price is na while the capital it
    /// holds is its cost (10 x 100).
    @Test func noMarginAndFullMarginAreNa() throws {
        let body = """
            if bar_index == 0
                strategy.entry("A", strategy.long, qty=10)
            """
        let bars: [(Double, Double, Double, Double)] = [(100, 100, 100, 100), (100, 101, 99, 100)]
        let none = try Self.run("strategy(\"m\", margin_long=0, margin_short=0)", body, bars: bars)
        #expect(none.plotSeries["held"]?.allSatisfy(\.isNaN) == true)
        #expect(none.plotSeries["liq"]?.allSatisfy(\.isNaN) == true)
        let full = try Self.run("strategy(\"m\", margin_long=100, margin_short=100)", body, bars: bars)
        #expect(full.plotSeries["held"] == [0, 1000])
        #expect(full.plotSeries["liq"]?.allSatisfy(\.isNaN) == true)
        // One side with margin is enough for the capital held.
        let oneSide = try Self.run("strategy(\"m\", margin_long=0, margin_short=50)", body, bars: bars)
        #expect(oneSide.plotSeries["held"] == [0, 1000])
        #expect(oneSide.plotSeries["liq"]?.allSatisfy(\.isNaN) == true)
    }

    /// A EUR strategy on a USD symbol at 1.25 USD per EUR (0.8 EUR per USD):
    /// long 20 at 100 USD holds 2,000 USD = 1,600 EUR; with 1,000 EUR and 50%
    /// margin the equity (1,000 + 20 x (p - 100) x 0.8) meets the margin
    /// (20 x p x 50% x 0.8) at p = (1,000 / 16 - 100) / -0.5 = 75 USD.
    @Test func underACurrencyConversionThePriceIsTheSymbols() throws {
        let source = """
            //@version=6
            strategy("eur", initial_capital=1000, margin_long=50, margin_short=50, currency=currency.EUR)
            if bar_index == 0
                strategy.entry("A", strategy.long, qty=20)
            plot(strategy.opentrades.capital_held, "held")
            plot(strategy.margin_liquidation_price, "liq")
            """
        let program = try PineProgram.compile(source: source, fileName: "eur.pine")
        var data = try PreparedData(
            store: Self.store([(100, 100, 100, 100), (100, 101, 99, 100)]), sourceTimeframe: Timeframe("1D"),
            symbol: SymbolInfo(ticker: "ETHUSD", currency: "USD", period: "1D", mintick: 0.01))
        try data.setCurrency(strategy: program.declared.currency, rate: .constant(1.25))
        let r = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
        #expect(ScriptHarness.same(r.plotSeries["held"], [0, 20 * 100 * 0.8]))
        let liq = Self.liquidation(capital: 1000, net: 0, qty: 20, average: 100, marginPercent: 50, long: true, rate: 0.8)
        #expect((liq * 100).rounded() == 7500)
        #expect(ScriptHarness.same(r.plotSeries["liq"], [.nan, liq]))
    }
}
