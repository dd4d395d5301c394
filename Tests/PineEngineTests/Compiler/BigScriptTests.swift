import PFData
@testable import PineEngine
import Testing

/// Scripts far longer than anyone writes by hand compile, run and are released without
/// recursing once per statement (a deep recursion overflows a worker thread's stack).
@Suite struct BigScriptTests {
    static let bars: BarStore = {
        let n = 5
        let c = (1...n).map(Double.init)
        return BarStore(
            time: (0..<n).map { Int64($0) * 60_000 }, open: c, high: c, low: c, close: c, volume: c)
    }()

    static func run(_ source: String) throws -> [String: [Double]] {
        let program = try PineProgram.compile(source: source, fileName: "big.pine")
        let data = try PreparedData(store: bars, sourceTimeframe: Timeframe("1"))
        let result = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
        return result.plotSeries
    }

    /// 60,000 declarations: more columns than the budget (the rest are computed per
    /// bar) and a 60,000-statement sequence; the last one's value is the sum rule's.
    @Test func sixtyThousandStatements() throws {
        let n = 60_000
        var lines = ["//@version=6", "indicator(\"big\")", "v0 = close"]
        for i in 1..<n { lines.append("v\(i) = v\(i - 1) + 1") }
        lines.append("plot(v\(n - 1), \"last\")")
        let plots = try Self.run(lines.joined(separator: "\n") + "\n")
        #expect(plots["last"] == Self.bars.close.map { $0 + Double(n - 1) })
    }

    /// A 5,000-arm `else if` ladder picks the first true arm.
    @Test func longElseIfLadder() throws {
        var lines = ["//@version=6", "indicator(\"ladder\")", "x = 0", "if close > 100000", "    x := -1"]
        for i in 0..<5_000 {
            lines.append("else if close > \(5_000 - i)")
            lines.append("    x := \(i)")
        }
        lines.append("plot(x, \"x\")")
        let plots = try Self.run(lines.joined(separator: "\n") + "\n")
        // close = k (1...5) is first above 5000 - i at i = 5001 - k, an arm only while
        // i <= 4999 (k >= 2); close = 1 takes no arm and x stays 0.
        #expect(plots["x"] == Self.bars.close.map { $0 >= 2 ? Double(5_001 - Int($0)) : 0 })
    }
}
