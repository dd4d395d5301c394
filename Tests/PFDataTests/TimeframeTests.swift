import Testing

@testable import PFData

@Suite("Timeframe")
struct TimeframeTests {
    @Test("parses TradingView strings and prints them back")
    func parseAndPrint() throws {
        let cases: [(String, String, Int64)] = [
            ("30S", "30S", 30), ("1", "1", 60), ("15", "15", 900), ("60", "60", 3600), ("240", "240", 14_400),
            ("1D", "1D", 86_400), ("D", "1D", 86_400), ("1W", "1W", 604_800), ("W", "1W", 604_800),
            ("1M", "1M", 2_592_000), ("3M", "3M", 7_776_000), ("4H", "240", 14_400), ("2D", "2D", 172_800),
        ]
        for (text, canonical, seconds) in cases {
            let tf = try Timeframe(parsing: text)
            #expect(tf.description == canonical, "\(text)")
            #expect(tf.seconds == seconds, "\(text)")
        }
    }

    @Test("classifies units")
    func kinds() throws {
        let s = try Timeframe(parsing: "30S")
        #expect(s.isSeconds && s.isIntraday && !s.isDaily)
        let m = try Timeframe(parsing: "240")
        #expect(m.isIntraday && !m.isSeconds && m.multiplier == 240)
        #expect(try Timeframe(parsing: "1D").isDaily)
        #expect(try Timeframe(parsing: "1W").isWeekly)
        let month = try Timeframe(parsing: "1M")
        #expect(month.isMonthly && !month.isIntraday && !month.hasFixedLength)
    }

    @Test("rejects invalid strings with a clear error")
    func invalid() {
        for text in ["", "0", "-5", "15X", "M1", "abc", "1.5"] {
            #expect(throws: TimeframeError.self, "\(text)") { try Timeframe(parsing: text) }
        }
        do {
            _ = try Timeframe(parsing: "15X")
            Issue.record("15X was accepted")
        } catch {
            let message = "\(error)"
            #expect(message.contains("15X") && message.contains("1D"))
        }
    }

    @Test("builds timeframes from detected seconds")
    func fromSeconds() {
        #expect(Timeframe(seconds: 900)?.description == "15")
        #expect(Timeframe(seconds: 3600)?.description == "60")
        #expect(Timeframe(seconds: 86_400)?.description == "1D")
        #expect(Timeframe(seconds: 604_800)?.description == "1W")
        #expect(Timeframe(seconds: 45)?.description == "45S")
        #expect(Timeframe(seconds: 0) == nil)
    }

    @Test("buckets align to UTC calendar boundaries")
    func buckets() throws {
        // 2025-01-01 is a Wednesday.
        let t = UTCCalendar.milliseconds(year: 2025, month: 1, day: 1, hour: 13, minute: 47)
        #expect(try Timeframe(parsing: "60").bucketStart(ofMilliseconds: t)
            == UTCCalendar.milliseconds(year: 2025, month: 1, day: 1, hour: 13))
        #expect(try Timeframe(parsing: "1D").bucketStart(ofMilliseconds: t)
            == UTCCalendar.milliseconds(year: 2025, month: 1, day: 1))
        #expect(try Timeframe(parsing: "1W").bucketStart(ofMilliseconds: t)
            == UTCCalendar.milliseconds(year: 2024, month: 12, day: 30))
        let month = try Timeframe(parsing: "1M")
        let feb = UTCCalendar.milliseconds(year: 2024, month: 2, day: 29, hour: 23)
        #expect(month.bucketStart(ofMilliseconds: feb) == UTCCalendar.milliseconds(year: 2024, month: 2, day: 1))
        #expect(month.bucketEnd(startingAt: UTCCalendar.milliseconds(year: 2024, month: 2, day: 1))
            == UTCCalendar.milliseconds(year: 2024, month: 3, day: 1))
        #expect(UTCCalendar.weekday(days: UTCCalendar.days(year: 2025, month: 1, day: 1)) == 2)
    }
}
