import PFData
@testable import PineEngine
import Testing

/// Series semantics of the compiled runtime on a small synthetic feed.
@Suite struct RuntimeSemanticsTests {
    /// Ten 1-minute bars whose close is 1, 2, ..., 10.
    static let bars = ScriptHarness.bars(closes: (1...10).map(Double.init))

    /// Runs an indicator and returns its plots by title.
    func plots(_ body: String) throws -> [String: [Double]] {
        try ScriptHarness.plots(ScriptHarness.source(body), bars: Self.bars)
    }

    func same(_ a: [Double]?, _ b: [Double]) -> Bool { ScriptHarness.same(a, b, tolerance: 0) }

    @Test func varPersistsAndPlainVariablesAreReevaluated() throws {
        let p = try plots("""
            var float total = 0
            total += close
            plain = 0.0
            plain += close
            plot(total, "total")
            plot(plain, "plain")
            """)
        #expect(same(p["total"], [1, 3, 6, 10, 15, 21, 28, 36, 45, 55]))
        #expect(same(p["plain"], (1...10).map(Double.init)))
    }

    @Test func historyReadsPastBarsAndNaBeforeTheFirst() throws {
        let p = try plots("""
            x = close * 2
            plot(x[2], "x2")
            plot(close[1], "c1")
            """)
        #expect(same(p["x2"], [.nan, .nan] + (1...8).map { Double($0) * 2 }))
        #expect(same(p["c1"], [.nan] + (1...9).map(Double.init)))
    }

    @Test func naPropagatesAndDivisionByZeroIsNa() throws {
        let p = try plots("""
            a = close / (close - close)
            b = na(a) ? 1 : 0
            c = close + na
            plot(b, "b")
            plot(c, "c")
            """)
        #expect(same(p["b"], Array(repeating: 1, count: 10)))
        #expect(same(p["c"], Array(repeating: .nan, count: 10)))
    }

    @Test func userFunctionCallSitesKeepSeparateState() throws {
        let p = try plots("""
            counter(x) =>
                var int n = 0
                n += 1
                n * x
            a = counter(1)
            b = counter(10)
            plot(a, "a")
            plot(b, "b")
            """)
        #expect(same(p["a"], (1...10).map(Double.init)))
        #expect(same(p["b"], (1...10).map { Double($0) * 10 }))
    }

    @Test func loopsAsValuesGiveTheLastIterationsValue() throws {
        let p = try plots("""
            s = for i = 1 to 3
                i * close
            plot(s, "s")
            """)
        #expect(same(p["s"], (1...10).map { Double($0) * 3 }))
    }

    @Test func arrayIndexOutOfRangeNamesTheLineAndTheBar() throws {
        let source = "//@version=6\nindicator(\"t\")\na = array.new<float>(3, 0)\nv = array.get(a, bar_index)\nplot(v)\n"
        let program = try PineProgram.compile(source: source, fileName: "t.pine")
        let data = try PreparedData(store: Self.bars, sourceTimeframe: Timeframe("1"))
        #expect {
            _ = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
        } throws: { error in
            guard let e = error as? ScriptRuntimeError else { return false }
            return e.line == 4 && e.barIndex == 3 && e.message.contains("out of bounds") && "\(e)".contains("1970-01-01T00:03:00Z")
        }
    }

    @Test func runawayLoopIsStoppedWithItsLine() throws {
        let source = "//@version=6\nindicator(\"t\")\nvar int k = 0\nwhile true\n    k += 1\nplot(k)\n"
        let program = try PineProgram.compile(source: source, fileName: "t.pine")
        let data = try PreparedData(store: Self.bars, sourceTimeframe: Timeframe("1"))
        #expect {
            _ = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
        } throws: { error in
            guard let e = error as? ScriptRuntimeError else { return false }
            return e.line == 4 && e.message.contains("iterations on one bar")
        }
    }

    /// `str.split` gives an array of strings (characters for an empty separator);
    /// `str.repeat` joins copies and stops with an error past TradingView's string limit.
    @Test func splitAndRepeat() throws {
        let source = """
            //@version=6
            indicator("s")
            parts = str.split("a,bb,,ccc", ",")
            plot(array.size(parts), "n")
            plot(str.length(array.get(parts, 3)), "last")
            plot(array.size(str.split("abc", "")), "chars")
            plot(str.length(str.repeat("ab", 3, "-")), "rep")
            plot(str.repeat("x", 0) == "" ? 1 : 0, "empty")
            """
        let program = try PineProgram.compile(source: source, fileName: "s.pine")
        let data = try PreparedData(store: Self.bars, sourceTimeframe: Timeframe("1"))
        let result = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
        let last = result.lastPlotValues
        #expect(last == ["n": 4, "last": 3, "chars": 3, "rep": 8, "empty": 1])
        let huge = try PineProgram.compile(
            source: "//@version=6\nindicator(\"h\")\nplot(str.length(str.repeat(\"abc\", 100000)))\n", fileName: "h.pine")
        #expect {
            _ = try ScriptRunner(program: huge, data: data).run(RunOptions(), recordPlots: true)
        } throws: { "\($0)".contains("h.pine:3") && "\($0)".contains("40960") }
    }

    /// `str.format_time` with TradingView's patterns and zones; `str.match` returns the first match.
    @Test func formatTimeAndMatch() throws {
        let source = """
            //@version=6
            indicator("f")
            t = timestamp("UTC", 2024, 1, 2, 3, 4, 5)
            a = str.format_time(t, "yyyy-MM-dd HH:mm:ss", "UTC")
            b = str.format_time(t, "yyyy-MM-dd HH:mm", "America/New_York")
            c = str.match("abc123def45", "[0-9]+")
            d = str.match("abc", "[0-9]+")
            plot(a == "2024-01-02 03:04:05" ? 1 : 0, "a")
            plot(b == "2024-01-01 22:04" ? 1 : 0, "b")
            plot(c == "123" ? 1 : 0, "c")
            plot(d == "" ? 1 : 0, "d")
            """
        let program = try PineProgram.compile(source: source, fileName: "f.pine")
        let data = try PreparedData(store: Self.bars, sourceTimeframe: Timeframe("1"))
        let result = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
        let last = result.lastPlotValues
        #expect(last == ["a": 1, "b": 1, "c": 1, "d": 1])
        let bad = try PineProgram.compile(
            source: "//@version=6\nindicator(\"r\")\nplot(str.length(str.match(\"abc\", \"(\")))\n", fileName: "r.pine")
        #expect {
            _ = try ScriptRunner(program: bad, data: data).run(RunOptions(), recordPlots: true)
        } throws: { "\($0)".contains("r.pine:3") && "\($0)".contains("regular expression") }
    }

    /// `runtime.error(message)` stops the run with the script's own message, its line and
    /// the bar it happened on; bars before it ran normally.
    @Test func runtimeErrorStopsWithTheScriptsMessage() throws {
        let source = "//@version=6\nindicator(\"t\")\nif bar_index == 3\n    runtime.error(\"bad bar \" + str.tostring(bar_index))\nplot(close)\n"
        let program = try PineProgram.compile(source: source, fileName: "t.pine")
        let data = try PreparedData(store: Self.bars, sourceTimeframe: Timeframe("1"))
        #expect {
            _ = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
        } throws: { error in
            guard let e = error as? ScriptRuntimeError else { return false }
            return e.line == 4 && e.message == "bad bar 3" && e.barIndex == 3
        }
    }
}

/// `str.tostring` with a number pattern, as TradingView formats it.
@Suite struct StringFormatTests {
    @Test func patternsKeepOptionalAndRequiredDecimals() {
        #expect(PineFormat.pattern(1.13322795, "#.##") == "1.13")
        #expect(PineFormat.pattern(1.1, "#.##") == "1.1")
        #expect(PineFormat.pattern(2.0, "#.##") == "2")
        #expect(PineFormat.pattern(3.5, "0.00") == "3.50")
        #expect(PineFormat.pattern(2.5, "#") == "3")
    }
}
