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
        // EURUSD daily: the day before the chart closes 1.25, day 0 closes 1.6 (so day 0 uses 1.25, day 1 uses 1.6).
        let fx = BarStore(
            time: [-day, 0], open: [1.2, 1.25], high: [1.3, 1.7], low: [1.1, 1.2], close: [1.25, 1.6], volume: [0, 0])
        let eurOnUsd = try decide("EUR", "USD", .series(path: "EURUSD_1D.csv", bars: fx, timeframe: Timeframe("1D"), base: "EUR", quote: "USD"))
        XCTAssertEqual(eurOnUsd.factors[0], 1 / 1.25)
        XCTAssertEqual(eurOnUsd.factors[23], 1 / 1.25)
        XCTAssertEqual(eurOnUsd.factors[24], 1 / 1.6)
        XCTAssertEqual(eurOnUsd.factors[47], 1 / 1.6)
        let usdOnEur = try decide("USD", "EUR", .series(path: "EURUSD_1D.csv", bars: fx, timeframe: Timeframe("1D"), base: "EUR", quote: "USD"))
        XCTAssertEqual(usdOnEur.factors[30], 1.6)
        XCTAssertThrowsError(
            try decide("GBP", "USD", .series(path: "EURUSD_1D.csv", bars: fx, timeframe: Timeframe("1D"), base: "EUR", quote: "USD")))
    }

    func testRateChangesAtTheDayBoundary() throws {
        // Three daily closes from the day before the chart; chart bars of day d use day d - 1's close.
        let fx = BarStore(
            time: [-day, 0, day], open: [1, 1, 1], high: [1, 1, 1], low: [1, 1, 1], close: [2, 4, 8], volume: [0, 0, 0])
        let t = (0..<72).map { Int64($0) * hour }
        let bars = BarStore(time: t, open: t.map { _ in 1 }, high: t.map { _ in 1 }, low: t.map { _ in 1 }, close: t.map { _ in 1 }, volume: t.map { _ in 1 })
        let c = try CurrencyConversion.decide(
            strategy: "USD", symbol: "EUR", rate: .series(path: "EURUSD.csv", bars: fx, timeframe: Timeframe("1D"), base: "EUR", quote: "USD"),
            chart: bars, chartTimeframe: Timeframe("60"))
        XCTAssertEqual(c.factors[0], 2)
        XCTAssertEqual(c.factors[23], 2)
        XCTAssertEqual(c.factors[24], 4)
        XCTAssertEqual(c.factors[47], 4)
        XCTAssertEqual(c.factors[48], 8)
        XCTAssertEqual(c.factors[71], 8)
    }

    /// Hourly chart bars from `first` for `count` hours, and a daily rate file of `days` bars from `start`.
    private func decide(chartFrom first: Int64, hours count: Int, ratesFrom start: Int64, days: Int) throws -> CurrencyConversion {
        let t = (0..<count).map { first + Int64($0) * hour }
        let ones = t.map { _ in 1.0 }
        let bars = BarStore(time: t, open: ones, high: ones, low: ones, close: ones, volume: ones)
        let ft = (0..<days).map { start + Int64($0) * day }
        let c = ft.map { _ in 1.1 }
        let fx = BarStore(time: ft, open: c, high: c, low: c, close: c, volume: c)
        return try CurrencyConversion.decide(
            strategy: "EUR", symbol: "USD", rate: .series(path: "EURUSD_1D.csv", bars: fx, timeframe: Timeframe("1D"), base: "EUR", quote: "USD"),
            chart: bars, chartTimeframe: Timeframe("60"))
    }

    func testChartBarsBeforeTheFirstRateAreRefused() throws {
        // 2024-01-10 00:00 UTC; the rates' first day opens 2024-01-10 and closes 2024-01-11 00:00.
        let jan10: Int64 = 1_704_844_800_000
        XCTAssertNoThrow(try decide(chartFrom: jan10 + day, hours: 48, ratesFrom: jan10, days: 5))
        XCTAssertThrowsError(try decide(chartFrom: jan10, hours: 48, ratesFrom: jan10, days: 5)) { error in
            XCTAssertEqual(
                error as? CurrencyError, .ratesStartLate(file: "EURUSD_1D.csv", firstClose: jan10 + day, chartBar: jan10))
            let text = String(describing: error)
            XCTAssertTrue(text.hasPrefix("EURUSD_1D.csv: the chart bar at 2024-01-10T00:00:00Z has no rate"), text)
            XCTAssertTrue(text.contains("closes at 2024-01-11T00:00:00Z"), text)
            XCTAssertTrue(text.contains("--history-from"), text)
            XCTAssertFalse(text.contains("\n"))
        }
    }

    func testARateFileEndingLongBeforeTheChartIsRefused() throws {
        let jan10: Int64 = 1_704_844_800_000
        // Rates for Jan 10..12 (last close Jan 13 00:00): the last rate serves up to 5 days after,
        // so a chart to Jan 14 (one day after) runs, and one reaching past Jan 18 00:00 is refused.
        XCTAssertNoThrow(try decide(chartFrom: jan10 + day, hours: 72, ratesFrom: jan10, days: 3))
        XCTAssertNoThrow(try decide(chartFrom: jan10 + day, hours: 7 * 24 + 1, ratesFrom: jan10, days: 3))
        XCTAssertThrowsError(try decide(chartFrom: jan10 + day, hours: 7 * 24 + 2, ratesFrom: jan10, days: 3)) { error in
            let lastClose = jan10 + 3 * day
            let firstStale = jan10 + day + Int64(7 * 24 + 1) * hour  // Jan 18 01:00, the first bar more than 5 days after
            XCTAssertEqual(
                error as? CurrencyError,
                .ratesEndEarly(file: "EURUSD_1D.csv", lastClose: lastClose, chartBar: firstStale, limit: 5 * day))
            let text = String(describing: error)
            XCTAssertTrue(text.contains("the chart bar at 2024-01-18T01:00:00Z has no recent rate"), text)
            XCTAssertTrue(text.contains("last bar closes at 2024-01-13T00:00:00Z"), text)
            XCTAssertTrue(text.contains("at most 5 days after (5 of its bars, at least 4 days)"), text)
        }
        // An hourly rate file: 5 bars is 5 hours, so the 4-day floor applies.
        XCTAssertEqual(CurrencyConversion.staleLimit(interval: hour), 4 * day)
        XCTAssertEqual(CurrencyConversion.staleLimit(interval: 7 * day), 35 * day)
    }
}
