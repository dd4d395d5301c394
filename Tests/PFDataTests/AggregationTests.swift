import Testing

@testable import PFData

@Suite("Aggregation")
struct AggregationTests {
    @Test("the parity feed: 53,929 15m bars give 13,482 60m bars")
    func parityFeed() throws {
        let bars = try DataImporter.loadCSV(path: TestPaths.feed)
        #expect(bars.count == 53_929)
        let m15 = try Timeframe(parsing: "15")
        let h1 = try Timeframe(parsing: "60")
        let result = try bars.aggregated(to: h1, from: m15)
        #expect(result.bars.count == 13_482)
        #expect(result.subBarStart.count == 13_483)
        // Every script bar is built from its own sub-bars and matches their values.
        for i in [0, 1, 5_000, 13_481] {
            let range = result.subBars(of: i)
            #expect(result.bars.time[i] == bars.time[range.lowerBound])
            #expect(result.bars.time[i] % 3_600_000 == 0 || range.count < 4)
            #expect(result.bars.open[i] == bars.open[range.lowerBound])
            #expect(result.bars.close[i] == bars.close[range.upperBound - 1])
            #expect(result.bars.high[i] == range.map { bars.high[$0] }.max())
            #expect(result.bars.low[i] == range.map { bars.low[$0] }.min())
            let volume = range.reduce(0.0) { $0 + bars.volume[$1] }
            #expect(abs(result.bars.volume[i] - volume) <= 1e-9 * volume)
        }
        // The last script bar ends where the data is complete: nothing after its sub-bars but a partial bucket.
        let used = result.subBarStart.last ?? 0
        #expect(bars.count - used < 4)
        #expect(used == result.subBarStart[result.bars.count])
    }

    @Test("OHLCV rules, gaps give short bars, the trailing partial bucket is dropped")
    func rules() throws {
        let m1 = try Timeframe(parsing: "1")
        let m5 = try Timeframe(parsing: "5")
        let t0 = UTCCalendar.milliseconds(year: 2025, month: 1, day: 1)
        let minute: Int64 = 60_000
        // Minutes 0-4 (full bucket), 5-6 then a gap to 12 (short bucket), 12-14 (bucket 10-15 full by end), 15-16 (partial, dropped).
        let minutes: [Int64] = [0, 1, 2, 3, 4, 5, 6, 12, 13, 14, 15, 16]
        var bars: [OHLCVBar] = []
        for (k, m) in minutes.enumerated() {
            let base = 100 + Double(k)
            bars.append(
                OHLCVBar(time: t0 + m * minute, open: base, high: base + 2, low: base - 1, close: base + 1, volume: 1))
        }
        let store = BarStore(bars: bars)
        let result = try store.aggregated(to: m5, from: m1)
        #expect(result.bars.time == [t0, t0 + 5 * minute, t0 + 12 * minute])
        #expect(result.subBarStart == [0, 5, 7, 10])
        #expect(result.bars.open == [100, 105, 107])
        #expect(result.bars.high == [106, 108, 111])
        #expect(result.bars.low == [99, 104, 106])
        #expect(result.bars.close == [105, 107, 110])
        #expect(result.bars.volume == [5, 2, 3])
    }

    @Test("days, weeks (Monday) and months on UTC calendar boundaries")
    func calendar() throws {
        let h1 = try Timeframe(parsing: "60")
        // Hourly bars from Sunday 2024-12-29 00:00 to Tuesday 2025-03-04 00:00 inclusive.
        let start = UTCCalendar.milliseconds(year: 2024, month: 12, day: 29)
        let end = UTCCalendar.milliseconds(year: 2025, month: 3, day: 4)
        let count = Int((end - start) / 3_600_000) + 1
        let store = makeStore(count: count, start: start, step: 3_600_000)

        let daily = try store.aggregated(to: try Timeframe(parsing: "1D"), from: h1)
        #expect(daily.bars.time.first == start)
        #expect(daily.bars.time.allSatisfy { $0 % UTCCalendar.dayMilliseconds == 0 })
        #expect(daily.bars.time.last == UTCCalendar.milliseconds(year: 2025, month: 3, day: 3))  // 03-04 is partial
        #expect(daily.subBars(of: 1).count == 24)

        let weekly = try store.aggregated(to: try Timeframe(parsing: "1W"), from: h1)
        // First bucket is the week of Monday 2024-12-23 (only its Sunday is in the data; it is full at its end).
        #expect(weekly.bars.time[0] == start)
        #expect(weekly.bars.time[1] == UTCCalendar.milliseconds(year: 2024, month: 12, day: 30))
        #expect(weekly.subBars(of: 1).count == 7 * 24)
        for t in weekly.bars.time.dropFirst() {
            #expect(UTCCalendar.weekday(days: UTCCalendar.dayNumber(ofMilliseconds: t)) == 0)
        }

        let monthly = try store.aggregated(to: try Timeframe(parsing: "1M"), from: h1)
        #expect(monthly.bars.time == [
            start, UTCCalendar.milliseconds(year: 2025, month: 1, day: 1),
            UTCCalendar.milliseconds(year: 2025, month: 2, day: 1),
        ])
        #expect(monthly.subBars(of: 2).count == 28 * 24)
    }

    @Test("a finer or non-multiple target is an error; the same timeframe is the identity")
    func errors() throws {
        let store = makeStore(count: 10, step: 900_000)
        let m15 = try Timeframe(parsing: "15")
        #expect(throws: AggregationError.finerThanData(target: try Timeframe(parsing: "5"), source: m15)) {
            try store.aggregated(to: try Timeframe(parsing: "5"), from: m15)
        }
        #expect(throws: AggregationError.self) { try store.aggregated(to: try Timeframe(parsing: "40"), from: m15) }
        #expect(throws: AggregationError.self) {
            try store.aggregated(to: try Timeframe(parsing: "1D"), from: try Timeframe(parsing: "1M"))
        }
        let same = try store.aggregated(to: m15, from: m15)
        #expect(same.bars == store)
        #expect(same.subBarStart == Array(0...10))
    }
}
