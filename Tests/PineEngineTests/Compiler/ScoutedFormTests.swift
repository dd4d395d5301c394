import PFData
import PineLanguage
@testable import PineEngine
import Testing

/// Forms real public strategies use, each run by the manual's rule: a user
/// method called on a built-in value, the chart's visible range, a version 5
/// argument given twice. Eight bars whose close is 1 ... 8, one minute apart.
@Suite struct ScoutedFormTests {
    static let closes = (1...8).map(Double.init)
    static let bars: BarStore = {
        let c = closes
        return BarStore(
            time: (0..<c.count).map { 1_700_000_000_000 + Int64($0) * 60_000 }, open: c.map { $0 - 0.25 },
            high: c.map { $0 + 0.5 }, low: c.map { $0 - 0.5 }, close: c, volume: Array(repeating: 100, count: c.count))
    }()

    func run(_ source: String) throws -> (program: PineProgram, plots: [String: [Double]]) {
        let program = try PineProgram.compile(source: source, fileName: "t.pine")
        let data = try PreparedData(store: Self.bars, sourceTimeframe: Timeframe("1"))
        let result = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
        return (program, result.plotSeries)
    }

    @Test func aUserMethodRunsOnBuiltInValuesAndExpressions() throws {
        let (_, p) = try run("""
            //@version=6
            indicator("t")
            method above(float x, float level) => x > level
            method twice(float x) => x * 2
            plot(close.above(4) ? 1 : 0, "builtin")
            plot((high - low).twice(), "expression")
            float mid = hl2
            plot(mid.twice(), "variable")
            plot(close[1].twice(), "history")
            """)
        #expect(p["builtin"] == Self.closes.map { $0 > 4 ? 1 : 0 })
        // high - low is 1 on every bar.
        #expect(p["expression"] == Array(repeating: 2, count: Self.closes.count))
        // hl2 = (high + low) / 2 = close.
        #expect(p["variable"] == Self.closes.map { $0 * 2 })
        let history = p["history"] ?? []
        #expect(history.first?.isNaN == true)
        #expect(Array(history.dropFirst()) == Self.closes.dropLast().map { $0 * 2 })
    }

    @Test func anUnknownMethodOnABuiltInIsStillRefused() {
        #expect(throws: PineCompileFailure.self) {
            try run("//@version=6\nindicator(\"t\")\nplot(close.nothing())")
        }
    }

    @Test func theVisibleRangeIsTheWholeFeed() throws {
        let (program, p) = try run("""
            //@version=6
            indicator("t")
            plot(chart.left_visible_bar_time, "left")
            plot(chart.right_visible_bar_time, "right")
            plot(time >= chart.left_visible_bar_time and time <= chart.right_visible_bar_time ? 1 : 0, "inside")
            """)
        let first = Double(Self.bars.time[0])
        let last = Double(Self.bars.time[Self.bars.time.count - 1])
        #expect(p["left"] == Array(repeating: first, count: Self.closes.count))
        #expect(p["right"] == Array(repeating: last, count: Self.closes.count))
        #expect(p["inside"] == Array(repeating: 1, count: Self.closes.count))
        #expect(program.runNotes.count == 1)
        #expect(program.runNotes.first?.contains("first and last bar") == true)
        let plain = try run("//@version=6\nindicator(\"t\")\nplot(close)").program
        #expect(plain.runNotes.isEmpty)
    }

    /// pfopt runs on the feed's own candles, so the chart is a standard one;
    /// its theme colors are TradingView's default light theme, said in a note.
    @Test func theChartIsAStandardLightThemedOne() throws {
        let (program, p) = try run("""
            //@version=6
            indicator("t")
            plot(chart.is_standard ? 1 : 0, "standard")
            plot(chart.is_heikinashi or chart.is_renko or chart.is_linebreak or chart.is_kagi or chart.is_pnf or chart.is_range ? 1 : 0, "other")
            plot(color.r(chart.bg_color) * 1000000 + color.g(chart.bg_color) * 1000 + color.b(chart.bg_color), "bg")
            plot(color.r(chart.fg_color) * 1000000 + color.g(chart.fg_color) * 1000 + color.b(chart.fg_color), "fg")
            """)
        let n = Self.closes.count
        #expect(p["standard"] == Array(repeating: 1, count: n))
        #expect(p["other"] == Array(repeating: 0, count: n))
        #expect(p["bg"] == Array(repeating: 255_255_255, count: n))
        // #131722 = (19, 23, 34).
        #expect(p["fg"] == Array(repeating: 19_023_034, count: n))
        #expect(program.runNotes.count == 1)
        #expect(program.runNotes.first?.contains("light theme") == true)
    }

    /// Tables are display-only: their methods (`t.cell(...)`) are accepted and
    /// change nothing the script computes.
    @Test func tableMethodsAreAcceptedAndDoNothing() throws {
        let (_, p) = try run("""
            //@version=6
            indicator("t")
            var table t = table.new(position.top_right, 2, 2, border_color = chart.fg_color)
            t.cell(0, 0, "net", text_color = chart.fg_color)
            t.cell_set_text(0, 0, str.tostring(close))
            t.merge_cells(0, 0, 1, 0)
            t.clear(0, 0, 1, 1)
            plot(close, "c")
            """)
        #expect(p["c"] == Self.closes)
    }

    @Test func version5UsesTheFirstOfARepeatedArgument() throws {
        // The manual: "In v5, you can specify the same parameter in a function more than
        // once. However, doing so raises a compiler warning, and only the first value will be used."
        let (program, p) = try run("""
            //@version=5
            strategy("t", default_qty_type = strategy.cash, default_qty_type = strategy.percent_of_equity, default_qty_value = 10)
            plot(close, "c", linewidth = 2, linewidth = 3)
            """)
        #expect(program.strategy.defaultQtyType == .cash)
        #expect(p["c"] == Self.closes)
        #expect(program.warnings.count == 2)
        #expect(program.warnings.first?.contains("t.pine:2:") == true)
        #expect(program.warnings.first?.contains("'default_qty_type' is given twice") == true)
    }

    @Test func version6RefusesARepeatedArgument() {
        do {
            _ = try run("//@version=6\nstrategy(\"t\", default_qty_type = strategy.cash, default_qty_type = strategy.fixed)\nplot(close)")
            Issue.record("a repeated argument must be refused in version 6")
        } catch let f as PineCompileFailure {
            #expect(f.description.contains("given twice"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
