import Foundation
import PFData
import XCTest

@testable import PineEngine

/// Money in a requested context. `request.security(..., currency = X)` gives
/// the requested prices in X (open, high, low and close are converted at
/// each requested bar's rate; literals and volume are not);
/// `strategy.convert_to_account` / `convert_to_symbol` inside the expression
/// convert between the requested symbol's currency and the strategy's at
/// the requested bar's rate. The rate is the one the broker books with:
/// the last rate bar closed at or before the bar opens, or a constant.
final class RequestCurrencyTests: XCTestCase {
    private static let bars = PineParityFeed.prefix(600)
    private static let day: Int64 = 86_400_000
    private static let hour: Int64 = 3_600_000

    /// The feed as a USD symbol; a EUR symbol (the same bars) and a GBP one
    /// registered beside it.
    private func data(strategy: String?, rate: FxSource?) throws -> PreparedData {
        let usd = SymbolInfo(prefix: "KRAKEN", ticker: "ETHUSD", currency: "USD", basecurrency: "ETH", period: "15", mintick: 0.01)
        var data = try PreparedData(store: Self.bars, sourceTimeframe: Timeframe("15"), symbol: usd)
        for (ticker, currency) in [("ETHEUR", "EUR"), ("ETHGBP", "GBP")] {
            let info = SymbolInfo(prefix: "KRAKEN", ticker: ticker, currency: currency, period: "15", mintick: 0.01)
            data.security.register(
                ticker: ticker,
                source: .init(
                    bars: Self.bars, timeframe: try Timeframe(parsing: "15"), symbol: RequestedSymbol(info: info, known: .all)))
        }
        try data.setCurrency(strategy: strategy, rate: rate)
        return data
    }

    private func plots(_ body: String, strategy: String? = "EUR", rate: FxSource? = .constant(1.25)) throws -> [String: [Double]] {
        let declaration = strategy.map { "strategy(\"s\", currency = \"\($0)\")" } ?? "strategy(\"s\")"
        return try ScriptHarness.run(
            ScriptHarness.source(body, declaration: declaration), fileName: "s.pine",
            data: data(strategy: strategy, rate: rate)
        ).plotSeries
    }

    private func failure(_ body: String, strategy: String? = "EUR", rate: FxSource? = .constant(1.25)) -> String {
        ScriptHarness.failure { try self.plots(body, strategy: strategy, rate: rate) } ?? ""
    }

    /// Per chart bar, `value(k)` of the last hour bar closed by its close (lookahead_off), else na.
    private func perChartBar(_ value: (Int) -> Double) -> [Double] {
        let hours = SecurityTestSupport.Buckets(Self.bars, length: Self.hour)
        return (0..<Self.bars.count).map { i in
            let k = hours.closed(i, Self.bars)
            return k >= 0 ? value(k) : .nan
        }
    }

    private var hours: SecurityTestSupport.Buckets { SecurityTestSupport.Buckets(Self.bars, length: Self.hour) }

    func testCurrencyArgumentAtAConstantRate() throws {
        // 1 EUR = 1.25 USD: a USD price is 0.8 of itself in EUR.
        let p = try plots(
            """
            plot(request.security(syminfo.tickerid, "60", close, currency = currency.EUR), "eur")
            plot(request.security(syminfo.tickerid, "60", close - open + 200, currency = "EUR"), "diff")
            plot(request.security(syminfo.tickerid, "60", ta.sma(high, 3), currency = "EUR"), "sma")
            plot(request.security(syminfo.tickerid, "60", volume, currency = "EUR"), "vol")
            plot(request.security(syminfo.tickerid, "60", close, currency = "USD"), "usd")
            plot(request.security("KRAKEN:ETHEUR", "60", close, currency = "USD"), "eurToUsd")
            plot(request.security("KRAKEN:ETHEUR", "60", close, currency = "EUR"), "eurSame")
            """)
        let h = hours
        var volume: [Double] = []
        for m in h.members { volume.append(m.reduce(0) { $0 + Self.bars.volume[$1] }) }
        XCTAssertTrue(ScriptHarness.same(p["eur"], perChartBar { h.close[$0] * 0.8 }))
        XCTAssertTrue(ScriptHarness.same(p["diff"], perChartBar { (h.close[$0] - h.open[$0]) * 0.8 + 200 }))
        XCTAssertTrue(
            ScriptHarness.same(p["sma"], perChartBar { k in k < 2 ? .nan : (h.high[k] + h.high[k - 1] + h.high[k - 2]) * 0.8 / 3 }))
        XCTAssertTrue(ScriptHarness.same(p["vol"], perChartBar { volume[$0] }))
        XCTAssertTrue(ScriptHarness.same(p["usd"], perChartBar { h.close[$0] }))
        XCTAssertTrue(ScriptHarness.same(p["eurToUsd"], perChartBar { h.close[$0] * 1.25 }))
        XCTAssertTrue(ScriptHarness.same(p["eurSame"], perChartBar { h.close[$0] }))
    }

    func testCurrencyArgumentAtADailyRateSeries() throws {
        // EURUSD daily bars from two days before the feed: day d closes at 1.10 + d / 100.
        let first = (Self.bars.time[0] / Self.day) * Self.day - 2 * Self.day
        let days = Int((Self.bars.time[Self.bars.count - 1] - first) / Self.day) + 1
        let closes = (0..<days).map { 1.10 + Double($0) / 100 }
        let rates = BarStore(
            time: (0..<days).map { first + Int64($0) * Self.day }, open: closes, high: closes, low: closes, close: closes,
            volume: Array(repeating: 0, count: days))
        let fx = FxSource.series(path: "EURUSD_1D.csv", bars: rates, timeframe: try Timeframe(parsing: "1D"), base: "EUR", quote: "USD")
        let p = try plots(
            """
            plot(request.security(syminfo.tickerid, "60", close, currency = "EUR"), "eur")
            plot(request.security(syminfo.tickerid, "60", strategy.convert_to_account(close)), "account")
            """, rate: fx)
        let h = hours
        // An hour bar is converted at the close of the last day ended when it opens: the previous day's.
        func rate(_ k: Int) -> Double { closes[Int((h.start[k] - first) / Self.day) - 1] }
        XCTAssertTrue(ScriptHarness.same(p["eur"], perChartBar { h.close[$0] / rate($0) }))
        XCTAssertTrue(ScriptHarness.same(p["account"], perChartBar { h.close[$0] / rate($0) }))
    }

    func testConvertToAccountAndSymbolInARequestedContext() throws {
        let p = try plots(
            """
            plot(request.security(syminfo.tickerid, "60", strategy.convert_to_account(close)), "account")
            plot(request.security(syminfo.tickerid, "60", strategy.convert_to_symbol(close)), "symbol")
            plot(request.security("KRAKEN:ETHEUR", "60", strategy.convert_to_account(close)), "eur")
            plot(strategy.convert_to_account(close), "chart")
            """)
        let h = hours
        XCTAssertTrue(ScriptHarness.same(p["account"], perChartBar { h.close[$0] * 0.8 }))
        XCTAssertTrue(ScriptHarness.same(p["symbol"], perChartBar { h.close[$0] / 0.8 }))
        // ETHEUR is quoted in the strategy's currency: nothing to convert.
        XCTAssertTrue(ScriptHarness.same(p["eur"], perChartBar { h.close[$0] }))
        XCTAssertTrue(ScriptHarness.same(p["chart"], Self.bars.close.map { $0 * 0.8 }))
        // Without a strategy currency the account is in the chart symbol's USD: nothing to convert.
        let identity = try plots(
            "plot(request.security(syminfo.tickerid, \"60\", strategy.convert_to_account(close)), \"a\")", strategy: nil,
            rate: nil)
        XCTAssertTrue(ScriptHarness.same(identity["a"], perChartBar { h.close[$0] }))
    }

    func testMissingRatesAreRefusedWhereTheyAreAsked() {
        // No rate from GBP (or to JPY): the call's location and the one-line rate message.
        let gbp = failure("plot(request.security(\"KRAKEN:ETHGBP\", \"60\", close, currency = \"EUR\"))")
        XCTAssertTrue(gbp.contains("s.pine:3:6"), gbp)
        XCTAssertTrue(gbp.contains("request.security(currency = \"EUR\") on prices in GBP"), gbp)
        XCTAssertTrue(gbp.contains("pfopt has a rate only between the symbol's currency (USD) and the strategy's (EUR)"), gbp)
        let jpy = failure("plot(request.security(syminfo.tickerid, \"60\", close, currency = \"JPY\"))")
        XCTAssertTrue(jpy.contains("request.security(currency = \"JPY\") on prices in USD"), jpy)
        // An indicator-like strategy without a currency has no rate at all.
        let none = failure("plot(request.security(syminfo.tickerid, \"60\", close, currency = \"EUR\"))", strategy: nil, rate: nil)
        XCTAssertTrue(none.contains("pfopt has a rate only between"), none)
        let account = failure("plot(request.security(\"KRAKEN:ETHGBP\", \"60\", 1 + strategy.convert_to_account(close)))")
        XCTAssertTrue(account.contains("s.pine:3:50"), account)
        XCTAssertTrue(account.contains("ETHGBP (GBP to EUR)"), account)
        // Both conversions in one request: refused when compiled.
        let both = failure(
            "plot(request.security(syminfo.tickerid, \"60\", strategy.convert_to_account(close), currency = \"EUR\"))")
        XCTAssertTrue(both.contains("s.pine:3:"), both)
        XCTAssertTrue(both.contains("currency = ... is not supported"), both)
    }
}
