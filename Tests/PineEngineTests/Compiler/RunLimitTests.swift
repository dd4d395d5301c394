import PFData
@testable import PineEngine
import PineLanguage
import Testing

/// The limits checked while a script runs: history reached with a computed
/// offset, and loop iterations per bar. Just under a limit the run completes;
/// just over it, it stops with the script's line and column and the bar.
@Suite struct RunLimitTests {
    static func bars(_ n: Int) -> BarStore {
        let c = (1...n).map(Double.init)
        return BarStore(time: (0..<n).map { 1_700_000_000_000 + Int64($0) * 60_000 }, open: c, high: c, low: c, close: c, volume: c)
    }

    static func run(_ body: String, bars n: Int) throws -> RunResult {
        let source = "//@version=6\nindicator(\"limits\")\n" + body
        let program = try PineProgram.compile(source: source, fileName: "limits.pine")
        let data = try PreparedData(store: bars(n), sourceTimeframe: Timeframe("1"))
        return try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
    }

    @Test func computedOffsetUpToTheLimitRuns() throws {
        // bar_index + 4980 reaches 4999 on the last of 20 bars: within the limit.
        let result = try Self.run("x = close\ny = x[bar_index + \(ScriptLimits.maxHistory - 20)]\nplot(y, \"y\")\n", bars: 20)
        // No bar has that much history yet: every value is na.
        #expect(result.plots.first?.values.allSatisfy(\.isNaN) == true)
    }

    @Test func computedOffsetOverTheLimitStopsOnTheBarItHappens() throws {
        // bar_index + 4990 is 5001 on bar 11: the first bar over the limit.
        let source = "x = close\ny = x[bar_index + \(ScriptLimits.maxHistory - 10)]\nplot(y, \"y\")\n"
        let error = try #require(throws: ScriptRuntimeError.self) { try Self.run(source, bars: 20) }
        #expect(error.line == 4)
        #expect(error.column == 7)
        #expect(error.barIndex == 11)
        #expect(error.barTime == Self.bars(20).time[11])
        #expect(error.message == ScriptLimits.historyMessage(ScriptLimits.maxHistory + 1))
    }

    @Test func computedOffsetOnABuiltinSeriesIsCheckedToo() throws {
        let source = "y = close[bar_index * 1000]\nplot(y, \"y\")\n"
        let error = try #require(throws: ScriptRuntimeError.self) { try Self.run(source, bars: 10) }
        // 6 * 1000 is the first multiple over 5000.
        #expect(error.barIndex == 6)
        #expect(error.message == ScriptLimits.historyMessage(6_000))
    }

    @Test func constantFoldedOffsetOverTheLimitIsACompileError() throws {
        let source = "//@version=6\nindicator(\"limits\")\nx = close\ny = x[\(ScriptLimits.maxHistory) + 1]\nplot(y)\n"
        let failure = try #require(throws: PineCompileFailure.self) {
            try PineProgram.compile(source: source, fileName: "limits.pine")
        }
        #expect(failure.errors.first?.message == ScriptLimits.historyMessage(ScriptLimits.maxHistory + 1))
        #expect(failure.errors.first?.line == 4)
    }

    @Test func loopIterationsUpToTheLimitRun() throws {
        let n = ScriptLimits.maxLoopIterationsPerBar
        let result = try Self.run("s = 0\nfor i = 1 to \(n)\n    s += 1\nplot(s, \"s\")\n", bars: 1)
        #expect(result.plots.first?.values == [Double(n)])
    }

    @Test func oneLoopIterationOverTheLimitStopsWithTheLoop() throws {
        // Two loops on one bar share the budget: the second one's last iteration is one too many.
        let n = ScriptLimits.maxLoopIterationsPerBar
        let source = "s = 0\nfor i = 1 to \(n - 10)\n    s += 1\nfor j = 1 to 11\n    s += 1\nplot(s, \"s\")\n"
        let error = try #require(throws: ScriptRuntimeError.self) { try Self.run(source, bars: 1) }
        #expect(error.line == 6)
        #expect(error.column == 1)
        #expect(error.barIndex == 0)
        #expect(error.message.contains("more than \(n) iterations on one bar"))
    }
}
