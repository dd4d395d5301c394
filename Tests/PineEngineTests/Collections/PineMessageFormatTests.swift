import Foundation
@testable import PineEngine
import Testing

/// `str.format` patterns as the reference manual describes them.
@Suite struct PineMessageFormatTests {
    private let utc = TimeZone(identifier: "UTC")!

    private func format(_ f: String, _ args: [FormatArgument]) -> String {
        PineMessageFormat(f).render(args, timeZone: utc)
    }

    @Test func plainPlaceholdersAndQuotes() {
        #expect(format("{0} and {1}", [.number(3, isInt: true), .text("x")]) == "3 and x")
        #expect(format("{1}{0}{1}", [.bool(true), .text("-")]) == "-true-")
        #expect(format("it''s '{0}' {0}", [.number(1.5, isInt: false)]) == "it's {0} 1.5")
        #expect(format("{2}", [.text("a")]) == "{2}")
    }

    @Test func numberPatterns() {
        #expect(format("{0,number,#.##}", [.number(3.14159, isInt: false)]) == "3.14")
        #expect(format("{0,number,0.000}", [.number(2.5, isInt: false)]) == "2.500")
        #expect(format("{0,number,#.#}", [.number(2.0, isInt: false)]) == "2")
        #expect(format("{0,number,integer}", [.number(1234.5, isInt: false)]) == "1,235")
        #expect(format("{0,number}", [.number(1234567.891234, isInt: false)]) == "1,234,567.891")
        #expect(format("{0,number,percent}", [.number(0.256, isInt: false)]) == "26%")
        #expect(format("{0,number,#,##0.00}", [.number(-9876.5, isInt: false)]) == "-9,876.50")
        #expect(format("{0,number,#.##}", [.number(-0.001, isInt: false)]) == "0")
        #expect(format("{0,number,$#.00}", [.number(0.5, isInt: false)]) == "$.50")
    }

    @Test func datePatterns() {
        // 2024-03-05 14:07:09 UTC
        let ms = 1_709_647_629_000.0
        #expect(format("{0,date,yyyy-MM-dd HH:mm:ss}", [.number(ms, isInt: true)]) == "2024-03-05 14:07:09")
        #expect(format("{0,time,HH:mm}", [.number(ms, isInt: true)]) == "14:07")
        let ny = PineMessageFormat("{0,date,yyyy-MM-dd HH:mm}").render([.number(ms, isInt: true)], timeZone: TimeZone(identifier: "America/New_York")!)
        #expect(ny == "2024-03-05 09:07")
    }
}
