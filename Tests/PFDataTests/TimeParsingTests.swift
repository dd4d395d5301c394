import Testing

@testable import PFData

@Suite("TimeParsing")
struct TimeParsingTests {
    let jan1 = Int64(1_735_689_600_000)  // 2025-01-01T00:00:00Z

    @Test("reads dates, date-times, ISO 8601 and epochs")
    func forms() throws {
        #expect(try TimeParsing.parse("2025-01-01", timezone: nil) == jan1)
        #expect(try TimeParsing.parse("2025-01-01 12:30", timezone: nil) == jan1 + 45_000_000)
        #expect(try TimeParsing.parse("2025-01-01T00:00:00Z", timezone: nil) == jan1)
        #expect(try TimeParsing.parse("2025-01-01T02:00:00+02:00", timezone: nil) == jan1)
        #expect(try TimeParsing.parse("2024-12-31T19:00:00-0500", timezone: nil) == jan1)
        #expect(try TimeParsing.parse("2025-01-01T00:00:00.250Z", timezone: nil) == jan1 + 250)
        #expect(try TimeParsing.parse("1735689600", timezone: nil) == jan1)
        #expect(try TimeParsing.parse("1735689600000", timezone: nil) == jan1)
        #expect(try TimeParsing.parse("1735689600000000", timezone: nil) == jan1)
        #expect(try TimeParsing.parse("1735689600000000000", timezone: nil) == jan1)
        #expect(try TimeParsing.parse("20250101", timezone: nil) == jan1)
        #expect(try TimeParsing.parse("2025/01/01", timezone: nil) == jan1)
        #expect(try TimeParsing.parse("01.01.2025 00:00", timezone: nil) == jan1)
        #expect(try TimeParsing.parse("12/31/2024 07:00 PM", timezone: "UTC-5") == jan1)
    }

    @Test("reads naive times in a timezone")
    func zones() throws {
        #expect(try TimeParsing.parse("2025-01-01 01:00", timezone: "Europe/Budapest") == jan1)
        #expect(try TimeParsing.parse("2025-01-01 05:30", timezone: "+05:30") == jan1)
        // Summer time: New York is UTC-4 in July.
        let july = try TimeParsing.parse("2025-07-01T04:00:00Z", timezone: nil)
        #expect(try TimeParsing.parse("2025-07-01 00:00", timezone: "America/New_York") == july)
        // An explicit offset wins over the timezone.
        #expect(try TimeParsing.parse("2025-01-01T00:00:00Z", timezone: "Asia/Tokyo") == jan1)
    }

    @Test("rejects what is not a time")
    func invalid() {
        for text in ["", "tomorrow", "2025-13-01", "2025-02-30", "2025-01-01 25:00", "2025-01-01T00:00:00+99:00"] {
            #expect(throws: TimeParseError.self, "\(text)") { try TimeParsing.parse(text, timezone: nil) }
        }
        #expect(throws: TimeParseError.unknownTimezone("Mars/Base")) {
            try TimeParsing.parse("2025-01-01", timezone: "Mars/Base")
        }
    }
}
