import PFData
import Testing

@testable import PineEngine

/// `request.currency_rate`: the rate the run books money at, between the
/// symbol's currency and the strategy's, and 1 for the same money or USD
/// against a USD stablecoin; other pairs stop with the call's line.
@Suite struct CurrencyRateRequestTests {
    static let day: Int64 = 86_400_000
    static let start: Int64 = 1_704_067_200_000  // 2024-01-01 UTC

    static func chart(_ n: Int) -> BarStore {
        let c = [Double](repeating: 100, count: n)
        return BarStore(time: (0..<n).map { start + Int64($0) * day }, open: c, high: c, low: c, close: c, volume: c)
    }

    static func run(_ body: String, currency: String, symbolCurrency: String, rate: FxSource?) throws -> [String: [Double]] {
        let source = "//@version=6\nstrategy(\"r\", currency = \(currency))\n" + body
        let program = try PineProgram.compile(source: source, fileName: "r.pine")
        var data = try PreparedData(
            store: chart(4), sourceTimeframe: Timeframe("1D"),
            symbol: SymbolInfo(ticker: "ETH" + symbolCurrency, currency: symbolCurrency, period: "1D", mintick: 0.01))
        try data.setCurrency(strategy: program.declared.currency, rate: rate)
        let result = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
        var plots: [String: [Double]] = [:]
        for p in result.plots { plots[p.title] = p.values }
        return plots
    }

    /// EUR strategy on a USD symbol with daily EURUSD closes 1.10, 1.20, 1.25,
    /// 1.30 (bar i converts at the close of day i - 1): USD -> EUR is 1 / that
    /// close, EUR -> USD the close, and the same currency 1.
    @Test func theRunsRateBetweenTheSymbolsCurrencyAndTheStrategys() throws {
        let closes = [1.10, 1.20, 1.25, 1.30]
        let t = closes.indices.map { Self.start + Int64($0 - 1) * Self.day }
        let rates = BarStore(time: t, open: closes, high: closes, low: closes, close: closes, volume: closes.map { _ in 0 })
        let plots = try Self.run(
            """
            plot(request.currency_rate(syminfo.currency, strategy.account_currency), "toEUR")
            plot(request.currency_rate("EUR", "USD"), "toUSD")
            plot(request.currency_rate("EUR", "EUR"), "same")
            plot(request.currency_rate("JPY", "CHF", ignore_invalid_currency = true), "unknown")
            """, currency: "currency.EUR", symbolCurrency: "USD",
            rate: .series(path: "EURUSD_1D.csv", bars: rates, timeframe: Timeframe("1D"), base: "EUR", quote: "USD"))
        let toEUR = try #require(plots["toEUR"])
        let toUSD = try #require(plots["toUSD"])
        for i in 0..<4 {
            #expect(abs(toEUR[i] - 1 / closes[i]) < 1e-12)
            #expect(abs(toUSD[i] - closes[i]) < 1e-12)
        }
        #expect(plots["same"] == [1, 1, 1, 1])
        #expect(plots["unknown"]?.allSatisfy(\.isNaN) == true)
    }

    /// A USD strategy on a USDT symbol runs 1:1, and so does its rate.
    @Test func aStablecoinAgainstUSDIsOne() throws {
        let plots = try Self.run(
            "plot(request.currency_rate(syminfo.currency, strategy.account_currency), \"rate\")",
            currency: "currency.USD", symbolCurrency: "USDT", rate: nil)
        #expect(plots["rate"] == [1, 1, 1, 1])
    }

    /// A pair the run has no rate for stops at the call.
    @Test func anotherPairStopsWithItsLine() throws {
        #expect {
            _ = try Self.run(
                "x = request.currency_rate(\"JPY\", \"CHF\")\nplot(x)", currency: "currency.USD", symbolCurrency: "USD",
                rate: nil)
        } throws: { error in
            let text = String(describing: error)
            return text.contains("JPY") && text.contains(":3:")
        }
    }
}
