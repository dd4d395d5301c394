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
