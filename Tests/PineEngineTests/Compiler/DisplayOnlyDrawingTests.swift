import PFData
import PineLanguage
@testable import PineEngine
import Testing

/// Tables and linefills only draw: pfopt holds each as a number that is
/// never `na` once made (as TradingView's ids are), and keeps them in arrays
/// (`array.new_table`, `array.new_linefill`) like any other value. Ten bars;
/// expected values follow from the script's rule, worked out per test.
@Suite struct DisplayOnlyDrawingTests {
    static let bars = ScriptHarness.bars(closes: (1...10).map(Double.init))

    func plots(_ body: String) throws -> [String: [Double]] {
        try ScriptHarness.plots(ScriptHarness.source(body), bars: Self.bars)
    }

    @Test func aTableIsNaOnlyUntilMade() throws {
        let p = try plots("""
            var table t = na
            if bar_index == 3
                t := table.new(position.top_right, 2, 2)
            plot(na(t) ? 1 : 0, "isna")
            """)
        #expect(p["isna"] == (0..<10).map { $0 < 3 ? 1 : 0 })
    }

    @Test func arraysOfTablesAndLinefills() throws {
        // One table per bar from bar 0, the oldest deleted past 3; one linefill
        // every other bar (bars 1, 3, 5, 7, 9) into an array that starts with 2
        // na slots, the oldest deleted past 4. A delete shifts its argument's array.
        let p = try plots("""
            var tables = array.new_table()
            tables.push(table.new(position.top_right, 1, 1))
            if tables.size() > 3
                table.delete(tables.shift())
            var fills = array.new_linefill(2)
            if bar_index % 2 == 1
                array.push(fills, linefill.new(line.new(0, 1.0, 1, 1.0), line.new(0, 2.0, 1, 2.0), color.red))
            if fills.size() > 4
                fills.shift().delete()
            plot(array.size(tables), "tables")
            plot(na(array.get(tables, 0)) ? 1 : 0, "firstna")
            plot(array.size(fills), "fills")
            plot(na(array.get(fills, 0)) ? 1 : 0, "slotna")
            plot(na(array.last(fills)) ? 1 : 0, "lastna")
            """)
        let bars = 0..<10
        #expect(p["tables"] == bars.map { Double(min($0 + 1, 3)) })
        #expect(p["firstna"] == bars.map { _ in 0 })
        let made = bars.map { i in (0...i).filter { $0 % 2 == 1 }.count }
        let removed = made.map { max(0, 2 + $0 - 4) }
        #expect(p["fills"] == made.map { Double(min(2 + $0, 4)) })
        // The first slot is na until both na slots have been shifted out.
        #expect(p["slotna"] == removed.map { $0 < 2 ? 1 : 0 })
        #expect(p["lastna"] == made.map { $0 == 0 ? 1 : 0 })
    }
}
