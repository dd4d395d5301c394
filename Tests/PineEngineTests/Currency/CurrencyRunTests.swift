import PFData
import XCTest

@testable import PineEngine

/// Currency decisions through whole runs on the bundled ETH feed.
final class CurrencyRunTests: XCTestCase {
    private func script(currency: String?) -> String {
        let c = currency.map { ", currency=currency.\($0)" } ?? ""
        return """
            //@version=6
            strategy("cur", initial_capital=10000, default_qty_type=strategy.percent_of_equity, default_qty_value=50, commission_type=strategy.commission.percent, commission_value=0.1\(c))
            fast = ta.sma(close, 9)
            slow = ta.sma(close, 21)
            if ta.crossover(fast, slow)
                strategy.entry("L", strategy.long)
            if ta.crossunder(fast, slow)
                strategy.close("L")
            """
    }

    private func data(quote: String?) throws -> PreparedData {
        let symbol = quote.map { SymbolInfo(ticker: "ETH" + $0, currency: $0, period: "15", mintick: 0.01) }
        return try PreparedData(store: PineParityFeed.prefix(3000), sourceTimeframe: Timeframe("15"), symbol: symbol)
    }

    func testStablecoinPairRunsOneToOneWithTheNote() throws {
        let plain = try ScriptRunner(program: PineProgram.compile(source: script(currency: nil), fileName: "a.pine"), data: data(quote: "USDT"))
            .run(RunOptions())
        var pegged = try data(quote: "USDT")
        let program = try PineProgram.compile(source: script(currency: "USD"), fileName: "b.pine")
        try pegged.setCurrency(strategy: program.declared.currency, rate: nil)
        let result = try ScriptRunner(program: program, data: pegged).run(RunOptions())
        XCTAssertGreaterThan(plain.report.trades.count, 5)
        XCTAssertEqual(result.report.trades.map(\.pnl), plain.report.trades.map(\.pnl))
        XCTAssertEqual(result.report.currency?.conversion, "pegged")
        XCTAssertTrue(RunSummary(result: result, title: "t").text.contains("1 USDT = 1 USD assumed"))
        XCTAssertTrue(ReportWriter.metricsJSON(result.report).contains("\"currency\": {\"strategy\": \"USD\", \"symbol\": \"USDT\""))
        XCTAssertNil(plain.report.currency)
    }

    func testOtherPairWithoutARateIsRefusedSayingHowToGiveOne() throws {
        let program = try PineProgram.compile(source: script(currency: "EUR"), fileName: "b.pine")
        var d = try data(quote: "USD")
        XCTAssertThrowsError(try d.setCurrency(strategy: program.declared.currency, rate: nil)) { e in
            XCTAssertTrue("\(e)".contains("fx_rate"))
        }
        // Without a decision the runner refuses too.
        XCTAssertThrowsError(try ScriptRunner(program: program, data: d))
    }

    func testUnknownSymbolCurrencyRunsAndSaysSo() throws {
        let program = try PineProgram.compile(source: script(currency: "EUR"), fileName: "b.pine")
        let result = try ScriptRunner(program: program, data: data(quote: nil)).run(RunOptions())
        XCTAssertEqual(result.report.currency?.conversion, "unknownSymbolCurrency")
        XCTAssertTrue(RunSummary(result: result, title: "t").text.contains("currency is unknown"))
    }
}

/// A EUR strategy on a USD symbol with a daily EURUSD rate file: every
/// trade's amounts carried into EUR at the rate of the bar they are booked on.
final class CurrencyConversionRunTests: XCTestCase {
    private let day: Int64 = 86_400_000

    private func script(sizing: String) -> String {
        """
        //@version=6
        strategy("eur", initial_capital=10000, \(sizing), commission_type=strategy.commission.percent, commission_value=0.1, currency=currency.EUR)
        fast = ta.sma(close, 9)
        slow = ta.sma(close, 21)
        if ta.crossover(fast, slow)
            strategy.entry("L", strategy.long)
        if ta.crossunder(fast, slow)
            strategy.entry("S", strategy.short)
        """
    }

    private func data() throws -> PreparedData {
        let symbol = SymbolInfo(ticker: "ETHUSD", currency: "USD", period: "15", mintick: 0.01)
        return try PreparedData(store: PineParityFeed.prefix(3000), sourceTimeframe: Timeframe("15"), symbol: symbol)
    }

    /// Daily EURUSD closes 1.05, 1.06, ... from the day before the feed's first day.
    private func rates(_ bars: BarStore) -> BarStore {
        let first = (bars.time[0] / day) * day - day
        let t = (0..<40).map { first + Int64($0) * day }
        let c = (0..<40).map { 1.05 + 0.01 * Double($0) }
        return BarStore(time: t, open: c, high: c, low: c, close: c, volume: c.map { _ in 0 })
    }

    func testEURWithARateFileConvertsEachTradeAtItsBarsRate() throws {
        var eur = try data()
        let fx = rates(eur.bars.bars)
        let program = try PineProgram.compile(source: script(sizing: "default_qty_value=2"), fileName: "eur.pine")
        try eur.setCurrency(
            strategy: program.declared.currency,
            rate: .series(path: "EURUSD_1D.csv", bars: fx, timeframe: Timeframe("1D"), base: "EUR", quote: "USD"))
        let result = try ScriptRunner(program: program, data: eur).run(RunOptions())
        XCTAssertEqual(result.report.currency?.conversion, "converted")

        // EUR per USD on chart bar i: 1 / the last daily close at or before the bar's open.
        let times = eur.bars.bars.time
        func eurPerUSD(_ bar: Int) -> Double {
            var k = 0
            while k + 1 < fx.count && fx.time[k + 1] + day <= times[bar] { k += 1 }
            return 1 / fx.close[k]
        }
        let trades = result.report.trades
        XCTAssertGreaterThan(trades.count, 10)
        var net = 0.0
        for t in trades {
            let gross = (t.exitPrice - t.entryPrice) * t.qty * t.direction.sign
            let entryFee = t.entryPrice * t.qty * 0.1 / 100
            let exitFee = t.exitPrice * t.qty * 0.1 / 100
            let expected = gross * eurPerUSD(t.exitBar) - entryFee * eurPerUSD(t.entryBar) - exitFee * eurPerUSD(t.exitBar)
            XCTAssertEqual(t.pnl, expected, accuracy: 1e-9)
            XCTAssertEqual(t.commission, entryFee * eurPerUSD(t.entryBar) + exitFee * eurPerUSD(t.exitBar), accuracy: 1e-9)
            net += expected
        }
        XCTAssertEqual(result.report.metrics.all.netProfit, net, accuracy: 1e-6)
        // The rate changes across the run, so some trades see two rates.
        XCTAssertTrue(trades.contains { eurPerUSD($0.entryBar) != eurPerUSD($0.exitBar) })
        XCTAssertTrue(RunSummary(result: result, title: "t").text.contains("converted from USD to EUR"))
    }

    func testConstantRate() throws {
        var eur = try data()
        let program = try PineProgram.compile(source: script(sizing: "default_qty_value=1"), fileName: "eur.pine")
        try eur.setCurrency(strategy: "EUR", rate: .constant(1.25))
        let converted = try ScriptRunner(program: program, data: eur).run(RunOptions())
        var usd = try data()
        try usd.setCurrency(strategy: nil, rate: nil)
        let plain = try ScriptRunner(program: program, data: usd).run(RunOptions())
        XCTAssertEqual(converted.report.trades.count, plain.report.trades.count)
        for (a, b) in zip(converted.report.trades, plain.report.trades) { XCTAssertEqual(a.pnl, b.pnl / 1.25, accuracy: 1e-9) }
        XCTAssertEqual(converted.report.metrics.all.netProfit, plain.report.metrics.all.netProfit / 1.25, accuracy: 1e-6)
        // Sizing by equity runs: with the equity in EUR and each contract
        // costing its USD price in EUR, the quantities are the USD run's.
        let byEquity = try PineProgram.compile(
            source: script(sizing: "default_qty_type=strategy.percent_of_equity, default_qty_value=10"), fileName: "eq.pine")
        let eurRun = try ScriptRunner(program: byEquity, data: eur).run(RunOptions())
        let usdRun = try ScriptRunner(program: byEquity, data: usd).run(RunOptions())
        XCTAssertEqual(eurRun.report.trades.count, usdRun.report.trades.count)
        XCTAssertGreaterThan(eurRun.report.trades.count, 10)
        // 10,000 EUR buys 1.25 times the contracts 10,000 USD buys.
        if let a = eurRun.report.trades.first, let b = usdRun.report.trades.first {
            XCTAssertEqual(a.qty, b.qty * 1.25, accuracy: 1e-9)
        }
    }
}
