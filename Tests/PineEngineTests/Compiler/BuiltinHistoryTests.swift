import PFData
@testable import PineEngine
import Testing

/// A built-in variable is a series with a value on every bar: `x[1]` is
/// its value on the previous bar wherever the expression stands, also
/// inside an `if` body, a ternary arm or the right operand of `and`, which
/// do not run on every bar.
@Suite struct BuiltinHistoryTests {
    /// Thirty 1-day bars (from Thursday 1970-01-01) whose close is 1 ... 30.
    static let bars = ScriptHarness.bars(closes: (1...30).map(Double.init), stepMs: 86_400_000)

    func plots(_ source: String) throws -> [String: [Double]] {
        try ScriptHarness.plots(source, bars: Self.bars, timeframe: "1D")
    }

    @Test func positionSizeHistoryInsideABranchIsThePreviousBarsValue() throws {
        // The entry placed on bar 10 fills at the open of bar 11: the position is 1 from bar 11 on.
        let p = try plots("""
            //@version=6
            strategy("t")
            if bar_index == 10
                strategy.entry("L", strategy.long)
            justOpened = strategy.position_size != 0 and strategy.position_size[1] == 0
            var float seen = na
            if bar_index == 20
                seen := strategy.position_size[1]
            plot(justOpened ? 1 : 0, "justOpened")
            plot(seen, "seen")
            plot(bar_index > 5 ? strategy.position_size[2] : -1, "ternary")
            """)
        let opened = (0..<30).map { $0 == 11 ? 1.0 : 0 }
        #expect(p["justOpened"] == opened)
        #expect(p["seen"]?[20] == 1)  // the position on bar 19
        #expect(p["seen"]?[19].isNaN == true)
        // Position on bar i - 2: 1 once i - 2 >= 11.
        let ternary = (0..<30).map { i -> Double in i <= 5 ? -1 : (i - 2 >= 11 ? 1 : 0) }
        #expect(p["ternary"] == ternary)
    }

    @Test func calendarVariableHistoryInsideABranch() throws {
        // 1970-01-01 was a Thursday (dayofweek 5); bar i is day i.
        let p = try plots("""
            //@version=6
            indicator("t")
            var float yesterday = na
            if bar_index % 7 == 3
                yesterday := dayofweek[1]
            plot(yesterday, "y")
            """)
        for i in 0..<30 {
            let last = i >= 3 ? i - ((i - 3) % 7) : -1  // the latest bar <= i with bar_index % 7 == 3
            let expected: Double = last < 0 ? .nan : Double((5 + last - 1 - 1) % 7 + 1)
            let got = p["y"]?[i] ?? -99
            #expect(expected.isNaN ? got.isNaN : got == expected, "bar \(i)")
        }
    }
}

/// A loop used as a value (`x = for ...`, a function's last statement).
@Suite struct LoopValueTests {
    func plots(_ body: String) throws -> [String: [Double]] {
        try BuiltinHistoryTests().plots("//@version=6\nindicator(\"t\")\n" + body)
    }

    @Test func breakBeforeTheLastStatementEndsTheLoopWithTheLastStoredValue() throws {
        // Iterations 0 ... 3 store i * 10; on i == 4 the break comes first: the value is 30.
        let p = try plots("""
            idx = for i = 0 to 10
                if i == 4
                    break
                i * 10
            plot(idx, "idx")
            skipped = for i = 0 to 5
                if i % 2 == 1
                    continue
                i
            plot(skipped, "even")
            """)
        #expect(p["idx"] == Array(repeating: 30, count: 30))
        #expect(p["even"] == Array(repeating: 4, count: 30))
    }

    /// A body (or a function) ending in an assignment has the value
    /// assigned: the loop keeps the last iteration's, 4 on even bars
    /// (where 4 > 2 holds), otherwise the 0 it started from; a
    /// counter function ending in `+=` gives its new count.
    @Test func aBodyEndingInAnAssignmentHasTheAssignedValue() throws {
        let p = try plots("""
            lastUpCross() =>
                index = 0
                for x = 0 to 4
                    index := bar_index % 2 == 0 and x > 2 ? x : index
            plot(lastUpCross(), "v")
            plot(bar_index % 2 == 0 ? 1 : 0, "up")
            count() =>
                var int n = 0
                n += 1
            plot(count(), "n")
            """)
        let up = try #require(p["up"])
        #expect(p["v"] == up.map { $0 == 1 ? 4 : 0 })
        #expect(up.contains(1) && up.contains(0))
        #expect(p["n"] == (1...up.count).map(Double.init))
    }

    @Test func aFunctionEndingInALoopWithoutAValueRunsForItsEffect() throws {
        // bump() adds 1 to each of three counters on every bar.
        let p = try plots("""
            var levels = array.new_float(3, 0.0)
            bump() =>
                for i = 0 to 2
                    array.set(levels, i, array.get(levels, i) + 1)
            bump()
            plot(array.get(levels, 2), "n")
            """)
        #expect(p["n"] == (1...30).map(Double.init))
    }
}
