import PFData
import XCTest

@testable import PineEngine

/// A EUR strategy on a USD symbol sized by equity and by cash, with the
/// money the script reads (`strategy.equity`, `netprofit`, `openprofit`,
/// the trades' profits) in EUR, checked against amounts computed here by
/// hand from the bars and the rates.
final class CurrencySizingTests: XCTestCase {
    private static let day: Int64 = 86_400_000
    private static let start: Int64 = 1_704_067_200_000  // 2024-01-01 UTC

    /// Daily ETHUSD bars (open, high, low, close).
    private static let ohlc: [(Double, Double, Double, Double)] = [
        (100, 100, 100, 100),  // 0: the script enters (market, fills at bar 1's open)
        (100, 110, 100, 110),  // 1: entry fills at 100
        (110, 120, 110, 120),  // 2: the script closes
        (120, 120, 115, 115),  // 3: the close fills at 120; the script enters again
        (115, 118, 115, 118),  // 4: the second entry fills at 115
        (118, 118, 118, 118),  // 5
    ]

    private func chart() -> BarStore {
        let b = Self.ohlc
        return BarStore(
            time: b.indices.map { Self.start + Int64($0) * Self.day }, open: b.map(\.0), high: b.map(\.1),
            low: b.map(\.2), close: b.map(\.3), volume: b.map { _ in 1 })
    }

    /// Daily EURUSD closes from the day before the first chart bar: chart
    /// bar i converts at the close of day i - 1 (the last one closed by its
    /// open), so `closes[i]` is bar i's rate in USD per EUR.
    private func rateFile(_ closes: [Double]) -> FxSource {
        let t = closes.indices.map { Self.start + Int64($0 - 1) * Self.day }
        let bars = BarStore(time: t, open: closes, high: closes, low: closes, close: closes, volume: closes.map { _ in 0 })
        return .series(path: "EURUSD_1D.csv", bars: bars, timeframe: Timeframe("1D"), base: "EUR", quote: "USD")
    }

    private func script(sizing: String, secondQty: String = "") -> String {
        """
        //@version=6
        strategy("eur", initial_capital=10000, \(sizing), commission_type=strategy.commission.percent, commission_value=0.1, currency=currency.EUR)
        if bar_index == 0
            strategy.entry("L", strategy.long)
        if bar_index == 2
            strategy.close("L")
        if bar_index == 3
            strategy.entry("L2", strategy.long\(secondQty))
        plot(strategy.equity, "equity")
        plot(strategy.netprofit, "net")
        plot(strategy.openprofit, "open")
        plot(strategy.opentrades > 0 ? strategy.opentrades.profit(0) : na, "tradeOpen")
        plot(strategy.closedtrades > 0 ? strategy.closedtrades.profit(0) : na, "closedProfit")
        plot(strategy.convert_to_account(100), "toAccount")
        plot(strategy.grossprofit, "gross")
        """
    }

    private func run(_ source: String, rate: FxSource) throws -> (RunResult, [String: [Double]]) {
        let program = try PineProgram.compile(source: source, fileName: "eur.pine")
        var data = try PreparedData(
            store: chart(), sourceTimeframe: Timeframe("1D"),
            symbol: SymbolInfo(ticker: "ETHUSD", currency: "USD", period: "1D", mintick: 0.01))
        try data.setCurrency(strategy: program.declared.currency, rate: rate)
        let result = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
        var plots: [String: [Double]] = [:]
        for p in result.plots { plots[p.title] = p.values }
        return (result, plots)
    }

    /// The whole run worked by hand for EUR-per-USD factors `f[i]` on bar i.
    private func check(_ source: String, rate: FxSource, f: [Double], firstQty: Double, secondQty: (Double) -> Double) throws {
        let (result, plots) = try run(source, rate: rate)
        let fee = 0.1 / 100
        // Entry L at bar 1's open (100), closed at bar 3's open (120).
        let q1 = firstQty
        let entryFee1 = 100 * q1 * fee * f[1]
        let exitFee1 = 120 * q1 * fee * f[3]
        let pnl1 = (120 - 100) * q1 * f[3] - entryFee1 - exitFee1
        let trades = result.report.trades
        XCTAssertEqual(trades.count, 1)
        guard let t = trades.first else { return }
        XCTAssertEqual(t.qty, q1, accuracy: 1e-9)
        XCTAssertEqual(t.commission, entryFee1 + exitFee1, accuracy: 1e-9)
        XCTAssertEqual(t.pnl, pnl1, accuracy: 1e-9)
        // The trade's best price (120) was reached on bar 2; its worst is the entry.
        XCTAssertEqual(t.maxRunup, 20 * q1 * f[2] - entryFee1, accuracy: 1e-9)
        XCTAssertEqual(t.maxDrawdown, entryFee1, accuracy: 1e-9)
        XCTAssertEqual(t.pnlPercent, pnl1 / (100 * q1 * f[1]) * 100, accuracy: 1e-9)
        // L2 sized on bar 3 (equity 10000 + pnl1) at its close 115 and bar 3's rate; fills at bar 4's open.
        let q2 = secondQty(10_000 + pnl1)
        guard let open = result.report.openTrades.first else { return XCTFail("L2 did not open") }
        XCTAssertEqual(open.qty, q2, accuracy: 1e-9)
        let entryFee2 = 115 * q2 * fee * f[4]
        // What the script read on each bar's close.
        let openProfit = [0, 10 * q1 * f[1], 20 * q1 * f[2], 0, 3 * q2 * f[4], 3 * q2 * f[5]]
        let net = [0, 0, 0, pnl1, pnl1, pnl1]
        for i in 0..<6 {
            XCTAssertEqual(plots["open"]?[i] ?? .nan, openProfit[i], accuracy: 1e-9, "openprofit on bar \(i)")
            XCTAssertEqual(plots["net"]?[i] ?? .nan, net[i], accuracy: 1e-9, "netprofit on bar \(i)")
            XCTAssertEqual(plots["equity"]?[i] ?? .nan, 10_000 + net[i] + openProfit[i], accuracy: 1e-9, "equity on bar \(i)")
            XCTAssertEqual(result.report.equityCurve.equity[i], 10_000 + net[i] + openProfit[i], accuracy: 1e-9)
            XCTAssertEqual(plots["toAccount"]?[i] ?? .nan, 100 * f[i], accuracy: 1e-12)
        }
        XCTAssertEqual(plots["tradeOpen"]?[1] ?? .nan, 10 * q1 * f[1] - entryFee1, accuracy: 1e-9)
        XCTAssertEqual(plots["tradeOpen"]?[5] ?? .nan, 3 * q2 * f[5] - entryFee2, accuracy: 1e-9)
        XCTAssertEqual(plots["closedProfit"]?[5] ?? .nan, pnl1, accuracy: 1e-9)
        XCTAssertEqual(plots["gross"]?[5] ?? .nan, max(pnl1, 0), accuracy: 1e-9)
        // The report agrees with what the script read.
        XCTAssertEqual(result.report.metrics.all.netProfit, pnl1, accuracy: 1e-9)
        XCTAssertTrue(ReportWriter.tradesCSV(result.report, tick: 0.01).contains(String(format: "%.2f", pnl1)))
    }

    func testPercentOfEquityWithAConstantRate() throws {
        // 1 EUR = 1.25 USD: 0.8 EUR per USD on every bar.
        let f = [Double](repeating: 1 / 1.25, count: 6)
        try check(
            script(sizing: "default_qty_type=strategy.percent_of_equity, default_qty_value=50"), rate: .constant(1.25), f: f,
            // Half of 10,000 EUR at bar 0's close (100 USD = 80 EUR), the fee included.
            firstQty: 5000 / (100 * f[0] * 1.001), secondQty: { equity in equity * 0.5 / (115 * f[3] * 1.001) })
    }

    func testPercentOfEquityWithARateThatChangesBetweenEntryAndExit() throws {
        // EURUSD 1.25 up to bar 2, 1.6 on bar 3 (the exit), 2.0 from bar 4 (L2's fill).
        let closes = [1.25, 1.25, 1.25, 1.6, 2.0, 2.0]
        let f = closes.map { 1 / $0 }
        try check(
            script(sizing: "default_qty_type=strategy.percent_of_equity, default_qty_value=50"), rate: rateFile(closes), f: f,
            firstQty: 5000 / (100 * f[0] * 1.001),
            // Sized at the rate of bar 3, where the order is placed, not bar 4's where it fills.
            secondQty: { equity in equity * 0.5 / (115 * f[3] * 1.001) })
    }

    func testCashSizingAndAQuantityTheScriptComputesFromEquity() throws {
        let closes = [1.25, 1.25, 1.25, 1.6, 2.0, 2.0]
        let f = closes.map { 1 / $0 }
        // 4,000 EUR of contracts at bar 0's close; L2's qty is the equity (EUR) read by the script / 1000.
        try check(
            script(sizing: "default_qty_type=strategy.cash, default_qty_value=4000", secondQty: ", qty = strategy.equity / 1000"),
            rate: rateFile(closes), f: f, firstQty: 4000 / (100 * f[0]), secondQty: { equity in equity / 1000 })
    }
}
