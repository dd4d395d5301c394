import PineLanguage
@testable import PineEngine
import Testing

/// `matrix.sort(id, column, order)`: the rows rearranged in the sorted order
/// of the values in one column (the first and ascending by default). Ten
/// bars whose close is 1 ... 10; the expectations are the rows sorted by hand.
@Suite struct MatrixSortTests {
    let runner = ScriptPlots()

    /// The 3x2 matrix of rows [3, 30], [1, 10], [2, 20] (the second column
    /// is ten times the first), then the statements of `body`.
    private func sorted(_ body: String) throws -> [String: [Double]] {
        try runner.plots("""
            m = matrix.new<float>(3, 2, 0)
            m.set(0, 0, 3)
            m.set(0, 1, 30)
            m.set(1, 0, 1)
            m.set(1, 1, 10)
            m.set(2, 0, 2)
            m.set(2, 1, 20)
            """ + "\n" + body)
    }

    @Test func defaultSortsByTheFirstColumnAscending() throws {
        // Sorted rows: [1, 10], [2, 20], [3, 30]; each row moves whole.
        let p = try sorted("""
            m.sort()
            plot(m.get(0, 0) * 100 + m.get(1, 0) * 10 + m.get(2, 0), "keys")
            plot(m.get(0, 1) + m.get(1, 1) * 100 + m.get(2, 1) * 10000, "rows")
            """)
        #expect(runner.same(p["keys"], Array(repeating: 123, count: 10)))
        #expect(runner.same(p["rows"], Array(repeating: 10 + 2_000 + 300_000, count: 10)))
    }

    @Test func descendingAndAnotherColumn() throws {
        // By column 1 descending: [3, 30], [2, 20], [1, 10]. Then the first
        // column is made 5, 9, 7 and sorted by column 0 ascending: the rows
        // [5, 30], [7, 10], [9, 20].
        let p = try sorted("""
            matrix.sort(m, 1, order.descending)
            plot(m.get(0, 0) * 100 + m.get(1, 0) * 10 + m.get(2, 0), "descending")
            m.set(0, 0, 5)
            m.set(1, 0, 9)
            m.set(2, 0, 7)
            m.sort(0, order.ascending)
            plot(m.get(0, 1) * 10000 + m.get(1, 1) * 100 + m.get(2, 1), "second")
            """)
        #expect(runner.same(p["descending"], Array(repeating: 321, count: 10)))
        #expect(runner.same(p["second"], Array(repeating: 301_020, count: 10)))
    }

    @Test func anOrderComputedAtRunTimeIsHonoured() throws {
        // Bars with close <= 5 sort ascending (first key 1), later bars
        // descending (first key 3): the order is a value, not only a name.
        let p = try sorted("""
            ord = close > 5 ? order.descending : order.ascending
            m.sort(0, ord)
            plot(m.get(0, 0), "first")
            named = order.descending
            a = array.from(2, 3, 1)
            a.sort(named)
            plot(a.get(0), "array")
            idx = array.sort_indices(array.from(2, 3, 1), ord)
            plot(idx.get(0), "indices")
            """)
        #expect(runner.same(p["first"], ScriptPlots.closes.map { $0 > 5 ? 3 : 1 }))
        #expect(runner.same(p["array"], Array(repeating: 3, count: 10)))
        // Ascending, the smallest (1) is at index 2; descending, the largest (3) at index 1.
        #expect(runner.same(p["indices"], ScriptPlots.closes.map { $0 > 5 ? 1 : 2 }))
    }

    @Test func stringMatricesSortLexicographically() throws {
        let p = try runner.plots("""
            s = matrix.new<string>(3, 2, "")
            s.set(0, 0, "pear")
            s.set(0, 1, "1")
            s.set(1, 0, "apple")
            s.set(1, 1, "2")
            s.set(2, 0, "fig")
            s.set(2, 1, "3")
            s.sort()
            plot(str.tonumber(s.get(0, 1) + s.get(1, 1) + s.get(2, 1)), "ascending")
            s.sort(0, order.descending)
            plot(str.tonumber(s.get(0, 1) + s.get(1, 1) + s.get(2, 1)), "descending")
            """)
        // apple (2), fig (3), pear (1); reversed: pear, fig, apple.
        #expect(runner.same(p["ascending"], Array(repeating: 231, count: 10)))
        #expect(runner.same(p["descending"], Array(repeating: 132, count: 10)))
    }

    @Test func aColumnOutOfRangeIsALocatedError() {
        let message = runner.failure("""
            m = matrix.new<float>(2, 2, 0)
            m.sort(2)
            """)
        #expect(message?.contains("t.pine:4:1") == true)
        #expect(message?.contains("column index 2 is out of bounds (the matrix has 2 columns)") == true)
        #expect(message?.contains("bar 0") == true)
    }
}
