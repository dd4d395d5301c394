import PFData
@testable import PineEngine
import Testing

/// `if`/`switch` giving tuples, and version 6 `for` loops whose end is
/// evaluated before every iteration. Thirty bars, close 1 ... 30, high and
/// low half a point away.
@Suite struct ControlFlowValueTests {
    func plots(_ body: String, version: Int = 6) throws -> [String: [Double]] {
        try BuiltinHistoryTests().plots("//@version=\(version)\nindicator(\"t\")\n" + body)
    }

    static let closes = (1...30).map(Double.init)

    @Test func ifAndSwitchGiveTuples() throws {
        let p = try plots("""
            [lvl, dir] = if close > 5
                [low, 1]
            else
                [high, -1]
            [a, s] = switch
                close > 20 => [3, "hi"]
                close > 10 => [2, "mid"]
                => [1, "lo"]
            [x, y] = if close > 28
                [close, close * 2]
            plot(lvl, "lvl")
            plot(dir, "dir")
            plot(a, "a")
            plot(str.length(s), "len")
            plot(y, "y")
            """)
        let c = Self.closes
        #expect(p["lvl"] == c.map { $0 > 5 ? $0 - 0.5 : $0 + 0.5 })
        #expect(p["dir"] == c.map { $0 > 5 ? 1 : -1 })
        #expect(p["a"] == c.map { $0 > 20 ? 3 : $0 > 10 ? 2 : 1 })
        #expect(p["len"] == c.map { $0 > 20 ? 2 : $0 > 10 ? 3 : 2 })
        let y = p["y"] ?? []
        #expect(y.count == 30 && (0..<30).allSatisfy { c[$0] > 28 ? y[$0] == 2 * c[$0] : y[$0].isNaN })
    }

    /// Five elements; the first iteration pops two. Version 6 reads the end
    /// (size - 1) again before each iteration: 0, 1, 2 run (3 iterations);
    /// version 5 keeps the first end, 4: 5 iterations.
    @Test func version6EvaluatesTheEndBeforeEveryIteration() throws {
        let body = """
            a = array.from(1.0, 2.0, 3.0, 4.0, 5.0)
            n = 0
            for i = 0 to array.size(a) - 1
                if i == 0
                    array.pop(a)
                    array.pop(a)
                n += 1
            plot(n, "n")
            """
        #expect(try plots(body)["n"] == Array(repeating: 3, count: 30))
        #expect(try plots(body, version: 5)["n"] == Array(repeating: 5, count: 30))
    }
}
