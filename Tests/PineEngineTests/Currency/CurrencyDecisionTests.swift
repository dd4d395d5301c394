import PFData
import XCTest

@testable import PineEngine

/// Which strategy/symbol currency pairs run, with what note, and the per-bar
/// factors a rate file gives (worked out by hand).
final class CurrencyDecisionTests: XCTestCase {
    private let day: Int64 = 86_400_000
    private let hour: Int64 = 3_600_000

    /// Hourly chart bars over two days.
    private var chart: BarStore {
        let t = (0..<48).map { Int64($0) * hour }
        let c = t.map { _ in 100.0 }
        return BarStore(time: t, open: c, high: c, low: c, close: c, volume: c)
    }

    private func decide(_ strategy: String?, _ symbol: String?, _ rate: FxSource? = nil) throws -> CurrencyConversion {
        try CurrencyConversion.decide(strategy: strategy, symbol: symbol, rate: rate, chart: chart, chartTimeframe: Timeframe("60"))
    }

    func testSameOrNoCurrencyRunsWithoutNote() throws {
        XCTAssertEqual(try decide(nil, "USDT").kind, .none)
        XCTAssertEqual(try decide("NONE", "USDT").kind, .none)
        XCTAssertEqual(try decide("EUR", "EUR").kind, .none)
        XCTAssertNil(try decide("EUR", "EUR").summary)
    }

    func testStablecoinsAgainstUSDAreOneToOneEitherWay() throws {
        for coin in ["USDT", "USDC", "FDUSD", "BUSD", "TUSD", "USDP", "DAI"] {
            let a = try decide("USD", coin)
            XCTAssertEqual(a.kind, .pegged)
            XCTAssertTrue(a.factors.isEmpty)
            XCTAssertTrue(a.note?.contains("1 \(coin) = 1 USD assumed") == true)
            XCTAssertEqual(try decide(coin, "USD").kind, .pegged)
        }
        let json = try XCTUnwrap(try decide("USD", "USDT").summary).json
        XCTAssertTrue(json.contains("\"conversion\": \"pegged\""))
    }

    func testOtherPairsNeedARate() {
        XCTAssertThrowsError(try decide("EUR", "USD")) { e in
            let text = "\(e)"
            XCTAssertTrue(text.contains("fx = "))
            XCTAssertTrue(text.contains("--fx-rate"))
        }
        XCTAssertThrowsError(try decide("USDT", "USDC"))
    }

    func testUnknownSymbolCurrencyRunsInTheScriptsCurrency() throws {
        let c = try decide("EUR", nil)
        XCTAssertEqual(c.kind, .unknownSymbolCurrency)
        XCTAssertTrue(c.note?.contains("taken as EUR") == true)
    }

    func testConstantRateIsTheStrategyCurrencyPriceInTheSymbolCurrency() throws {
        let c = try decide("EUR", "USD", .constant(1.25))
        XCTAssertEqual(c.kind, .converted)
        XCTAssertEqual(c.factors.count, 48)
        XCTAssertTrue(c.factors.allSatisfy { $0 == 0.8 })
        XCTAssertThrowsError(try decide("EUR", "USD", .constant(0)))
    }

    func testDailyRateFileUsesThePreviousDaysCloseAndItsDirection() throws {
        // EURUSD daily: day 0 closes 1.25, day 1 closes 1.6 (so day 1 uses 1.25, day 2 would use 1.6).
        let fx = BarStore(
            time: [0, day], open: [1.2, 1.25], high: [1.3, 1.7], low: [1.1, 1.2], close: [1.25, 1.6], volume: [0, 0])
        let eurOnUsd = try decide("EUR", "USD", .series(path: "EURUSD_1D.csv", bars: fx, timeframe: Timeframe("1D"), base: "EUR", quote: "USD"))
        // Day 0: no day has closed yet, the first close is used; day 1: day 0's close.
        XCTAssertEqual(eurOnUsd.factors[0], 1 / 1.25)
        XCTAssertEqual(eurOnUsd.factors[23], 1 / 1.25)
        XCTAssertEqual(eurOnUsd.factors[24], 1 / 1.25)
        XCTAssertEqual(eurOnUsd.factors[47], 1 / 1.25)
        let usdOnEur = try decide("USD", "EUR", .series(path: "EURUSD_1D.csv", bars: fx, timeframe: Timeframe("1D"), base: "EUR", quote: "USD"))
        XCTAssertEqual(usdOnEur.factors[30], 1.25)
        XCTAssertThrowsError(
            try decide("GBP", "USD", .series(path: "EURUSD_1D.csv", bars: fx, timeframe: Timeframe("1D"), base: "EUR", quote: "USD")))
    }

    func testRateChangesAtTheDayBoundary() throws {
        // Three daily closes; chart bars of day 2 use day 1's close.
        let fx = BarStore(
            time: [0, day, 2 * day], open: [1, 1, 1], high: [1, 1, 1], low: [1, 1, 1], close: [2, 4, 8], volume: [0, 0, 0])
        let t = (0..<72).map { Int64($0) * hour }
        let bars = BarStore(time: t, open: t.map { _ in 1 }, high: t.map { _ in 1 }, low: t.map { _ in 1 }, close: t.map { _ in 1 }, volume: t.map { _ in 1 })
        let c = try CurrencyConversion.decide(
            strategy: "USD", symbol: "EUR", rate: .series(path: "EURUSD.csv", bars: fx, timeframe: Timeframe("1D"), base: "EUR", quote: "USD"),
            chart: bars, chartTimeframe: Timeframe("60"))
        XCTAssertEqual(c.factors[0], 2)
        XCTAssertEqual(c.factors[24], 2)
        XCTAssertEqual(c.factors[47], 2)
        XCTAssertEqual(c.factors[48], 4)
        XCTAssertEqual(c.factors[71], 4)
    }
}
