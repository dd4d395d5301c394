import PFData
import XCTest

@testable import PineEngine

/// The chart-bar -> requested-bar maps, on small hand-made feeds where the
/// expected indices are worked out by hand from the documented merge rules.
final class SecurityBarsTests: XCTestCase {
    private let m15: Int64 = 900_000

    /// 15-minute bars at the given slot numbers (slot k opens at k * 15 min), close = slot.
    private func feed(_ slots: [Int]) -> BarStore {
        let t = slots.map { Int64($0) * m15 }
        let c = slots.map(Double.init)
        return BarStore(time: t, open: c, high: c.map { $0 + 0.5 }, low: c.map { $0 - 0.5 }, close: c, volume: c.map { _ in 1 })
    }

    private func tf(_ s: String) throws -> Timeframe { try Timeframe(parsing: s) }

    func testHourOnQuarterHoursWithAFormingLastHour() throws {
        let chart = feed(Array(0..<10))  // 00:00 .. 02:15; the 02:00 hour is still forming
        let s = try SecurityBars(
            source: chart, sourceTimeframe: tf("15"), timeframe: tf("60"), chart: chart, chartTimeframe: tf("15"))
        XCTAssertEqual(s.bars.count, 3)
        XCTAssertTrue(s.lastIsForming)
        XCTAssertEqual(s.bars.close, [3, 7, 9])
        XCTAssertEqual(s.bars.high, [3.5, 7.5, 9.5])
        // Closed by the chart bar's close: the 4th quarter of an hour sees that hour.
        XCTAssertEqual(s.closedIndex, [-1, -1, -1, 0, 0, 0, 0, 1, 1, 1])
        // Opened in: every quarter sees its own hour, the forming one included.
        XCTAssertEqual(s.openIndex, [0, 0, 0, 0, 1, 1, 1, 1, 2, 2])
    }

    func testSameTimeframeIsTheChartItself() throws {
        let chart = feed(Array(0..<6))
        let s = try SecurityBars(
            source: chart, sourceTimeframe: tf("15"), timeframe: tf("15"), chart: chart, chartTimeframe: tf("15"))
        XCTAssertEqual(s.closedIndex, [0, 1, 2, 3, 4, 5])
        XCTAssertEqual(s.openIndex, [0, 1, 2, 3, 4, 5])
        XCTAssertFalse(s.lastIsForming)
    }

    func testGapInsideAnHour() throws {
        // Slots 0,1 then a gap to 6,7,8 (01:30 .. 02:00) and 9..12.
        let chart = feed([0, 1, 6, 7, 8, 9, 10, 11, 12])
        let s = try SecurityBars(
            source: chart, sourceTimeframe: tf("15"), timeframe: tf("60"), chart: chart, chartTimeframe: tf("15"))
        // Hours: 00:00 (slots 0,1), 01:00 (6,7), 02:00 (8..11), 03:00 (12, forming).
        XCTAssertEqual(s.bars.close, [1, 7, 11, 12])
        // Slot 1 closes at 00:30, before the 00:00 hour ends: not closed yet; slot 6 (01:30-01:45) sees it.
        XCTAssertEqual(s.closedIndex, [-1, -1, 0, 1, 1, 1, 1, 2, 2])
        XCTAssertEqual(s.openIndex, [0, 0, 1, 1, 2, 2, 2, 2, 3])
    }

    func testLowerTimeframeRanges() throws {
        let source = feed(Array(0..<9))
        let hours = try source.aggregated(to: tf("60"), from: tf("15")).bars
        let l = try LowerTimeframeBars(
            source: source, sourceTimeframe: tf("15"), timeframe: tf("15"), chart: hours, chartTimeframe: tf("60"))
        XCTAssertEqual(hours.count, 2)
        XCTAssertEqual(l.start, [0, 4])
        XCTAssertEqual(l.end, [4, 8])
        let halves = try LowerTimeframeBars(
            source: source, sourceTimeframe: tf("15"), timeframe: tf("30"), chart: hours, chartTimeframe: tf("60"))
        XCTAssertEqual(halves.bars.close, [1, 3, 5, 7])
        XCTAssertEqual(halves.start, [0, 2])
        XCTAssertEqual(halves.end, [2, 4])
    }

    func testViewsResolveSymbolsAndRefuseTimeframesFinerThanTheData() throws {
        let chart = feed(Array(0..<8))
        let views = SecurityViews(
            chart: chart, chartTimeframe: try tf("15"), source: .init(bars: chart, timeframe: try tf("15")),
            names: ["ETHUSDT", "BYBIT:ETHUSDT"])
        XCTAssertEqual(views.symbolKey("BYBIT:ETHUSDT"), "")
        XCTAssertEqual(views.symbolKey("ETHUSDT"), "")
        XCTAssertEqual(views.symbolKey(""), "")
        XCTAssertNil(views.symbolKey("BINANCE:BTCUSDT"))
        views.register(ticker: "BTCUSDT", source: .init(bars: chart, timeframe: try tf("15")))
        XCTAssertEqual(views.symbolKey("BINANCE:BTCUSDT"), "BTCUSDT")
        XCTAssertThrowsError(try views.requested(symbol: "", timeframe: try tf("5"))) { e in
            XCTAssertTrue("\(e)".contains("finer than the data's 15"), "\(e)")
        }
        let a = try views.requested(symbol: "", timeframe: try tf("60"))
        XCTAssertEqual(a.bars.count, 2)
        XCTAssertThrowsError(try views.requested(symbol: "ZZZ", timeframe: try tf("60")))
    }
}
