import PFData
import PineLanguage
@testable import PineEngine
import Testing

/// Lines, labels and boxes are objects holding their coordinates: `*.new`
/// gives a reference, getters read what `*.new` and the setters stored, and
/// `line.get_price` is the straight line through the two points extended both
/// ways. Ten bars whose close is 1 ... 10; expected values are worked out from
/// those rules in each test.
@Suite struct DrawingObjectTests {
    static let bars = ScriptHarness.bars(closes: (1...10).map(Double.init))

    func plots(_ body: String) throws -> [String: [Double]] {
        try ScriptHarness.plots(ScriptHarness.source(body), bars: Self.bars)
    }

    func same(_ a: [Double]?, _ b: [Double]) -> Bool { ScriptHarness.same(a, b) }

    func failure(_ body: String) -> String? { ScriptHarness.failure { try plots(body) } }

    /// The y at `x` on the line through (x1, y1) and (x2, y2).
    func onLine(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ x: Double) -> Double {
        y1 + (x - x1) * (y2 - y1) / (x2 - x1)
    }

    @Test func lineIsNaUntilCreatedAndGetPriceInterpolatesAndExtrapolates() throws {
        let p = try plots("""
            var line l = na
            if bar_index == 2
                l := line.new(2, 10.0, 6, 20.0)
            plot(na(l) ? 1 : 0, "isna")
            plot(line.get_price(l, bar_index), "p")
            plot(l.get_price(bar_index + 10), "m")
            plot(l.get_y1(), "y1")
            """)
        let bars = (0..<10).map(Double.init)
        #expect(same(p["isna"], bars.map { $0 < 2 ? 1 : 0 }))
        // Between the points (bars 2...6) and beyond them on both sides: one straight line.
        #expect(same(p["p"], bars.map { $0 < 2 ? .nan : onLine(2, 10, 6, 20, $0) }))
        #expect(same(p["m"], bars.map { $0 < 2 ? .nan : onLine(2, 10, 6, 20, $0 + 10) }))
        #expect(same(p["y1"], bars.map { $0 < 2 ? .nan : 10 }))
    }

    @Test func settersChangeWhatGettersRead() throws {
        let p = try plots("""
            l = line.new(bar_index, close, bar_index + 1, close * 2)
            line.set_xy1(l, bar_index - 1, close + 1)
            l.set_y2(5.0)
            line.set_x2(l, 100)
            plot(line.get_x1(l), "x1")
            plot(l.get_y1(), "y1")
            plot(line.get_x2(l), "x2")
            plot(line.get_y2(l), "y2")
            b = box.new(bar_index, high, bar_index + 2, low)
            b.set_top(close * 3)
            box.set_rightbottom(b, 7, 0.25)
            plot(box.get_top(b), "top")
            plot(b.get_left(), "left")
            plot(box.get_right(b), "right")
            plot(box.get_bottom(b), "bottom")
            lb = label.new(bar_index, close, "a")
            label.set_xy(lb, 3, 4.5)
            lb.set_text("hello")
            plot(label.get_x(lb), "lx")
            plot(lb.get_y(), "ly")
            plot(str.length(label.get_text(lb)), "tl")
            c = line.copy(l)
            c.set_y1(-1)
            plot(l.get_y1(), "orig")
            plot(c.get_y1(), "copy")
            """)
        let i = (0..<10).map(Double.init)
        let c = i.map { $0 + 1 }
        #expect(same(p["x1"], i.map { $0 - 1 }))
        #expect(same(p["y1"], c.map { $0 + 1 }))
        #expect(same(p["x2"], Array(repeating: 100, count: 10)))
        #expect(same(p["y2"], Array(repeating: 5, count: 10)))
        #expect(same(p["top"], c.map { $0 * 3 }))
        #expect(same(p["left"], i))
        #expect(same(p["right"], Array(repeating: 7, count: 10)))
        #expect(same(p["bottom"], Array(repeating: 0.25, count: 10)))
        #expect(same(p["lx"], Array(repeating: 3, count: 10)))
        #expect(same(p["ly"], Array(repeating: 4.5, count: 10)))
        #expect(same(p["tl"], Array(repeating: 5, count: 10)))
        #expect(same(p["orig"], c.map { $0 + 1 }))
        #expect(same(p["copy"], Array(repeating: -1, count: 10)))
    }

    @Test func deleteKeepsTheReferenceAndHistoryIsTheObject() throws {
        let p = try plots("""
            var line l = na
            if bar_index == 3
                l := line.new(bar_index, close, bar_index + 1, close)
            if bar_index == 5
                l.delete()
            plot(na(l) ? 1 : 0, "isna")
            prev = l[1]
            plot(na(prev) ? -1 : line.get_x1(prev), "prevx")
            """)
        // After delete the variable still holds the (deleted) line: na() stays false.
        #expect(same(p["isna"], (0..<10).map { $0 < 3 ? 1 : 0 }))
        #expect(same(p["prevx"], (0..<10).map { $0 < 4 ? -1 : 3 }))
    }

    @Test func arraysOfLinesHoldTheLines() throws {
        let p = try plots("""
            var lines = array.new_line()
            var boxes = array.new<box>()
            lines.push(line.new(bar_index, close, bar_index + 1, close + 2))
            boxes.push(box.new(bar_index, high, bar_index + 1, low))
            if lines.size() > 3
                line.delete(lines.shift())
            plot(lines.size(), "n")
            plot(line.get_price(lines.get(0), bar_index), "first")
            plot(box.get_top(array.get(boxes, 0)), "firsttop")
            """)
        // From bar 3 on, the fourth line pushes out the oldest: bar i keeps the lines made
        // on bars max(0, i-2) ... i; the first goes through (j, j+1) and (j+1, j+3), j = max(0, i-2).
        let first = (0..<10).map { i -> Double in
            let j = Double(max(0, i - 2))
            return onLine(j, j + 1, j + 1, j + 3, Double(i))
        }
        #expect(same(p["n"], (0..<10).map { Double(min($0 + 1, 3)) }))
        #expect(same(p["first"], first))
        #expect(same(p["firsttop"], Array(repeating: 1.5, count: 10)))
    }

    @Test func getPriceOfATimeLineIsARuntimeError() {
        let message = failure("""
            l = line.new(time, close, time + 60000, close, xloc = xloc.bar_time)
            plot(line.get_price(l, bar_index))
            """)
        #expect(message?.contains("xloc.bar_index") == true)
        #expect(message?.contains("t.pine:4") == true)
    }

    @Test func methodsOfAnotherKindAreRefusedWithTheType() {
        let message = failure("""
            l = line.new(bar_index, close, bar_index + 1, close)
            plot(l.get_top())
            """)
        #expect(message?.contains("line.get_top") == true)
    }

    /// A trendline breakout: the line through (0, 12) and (4, 8) falls by 1 a bar,
    /// so its price on bar i is 12 - i. Closes fall to 6 then rise: the first close
    /// above the line is bar 6 (8 > 6; bar 5 has 7 == 7). The market entry fills at
    /// bar 7's open, the close ordered on bar 8 at bar 9's open.
    @Test func trendlineBreakoutTradesOnTheLinesPrice() throws {
        let close: [Double] = [10, 9, 8, 7, 6, 7, 8, 9, 10, 11]
        let open: [Double] = [10, 10, 9, 8, 7, 6, 7.5, 8.5, 9.5, 10.5]
        let bars = BarStore(
            time: (0..<10).map { Int64($0) * 60_000 }, open: open, high: zip(open, close).map { max($0, $1) + 0.5 },
            low: zip(open, close).map { min($0, $1) - 0.5 }, close: close, volume: Array(repeating: 100, count: 10))
        let source = """
            //@version=6
            strategy("trendline")
            var line tl = line.new(0, 12.0, 4, 8.0, extend = extend.right)
            if strategy.position_size == 0 and strategy.closedtrades == 0 and close > tl.get_price(bar_index)
                strategy.entry("L", strategy.long)
            if bar_index == 8
                strategy.close("L")
            """
        let program = try PineProgram.compile(source: source, fileName: "tl.pine")
        let data = try PreparedData(store: bars, sourceTimeframe: Timeframe("1"))
        let trades = try ScriptRunner(program: program, data: data).run(RunOptions()).report.trades
        #expect(trades.count == 1)
        let t = try #require(trades.first)
        #expect(t.entryBar == 7)
        #expect(t.entryPrice == 8.5)
        #expect(t.exitBar == 9)
        #expect(t.exitPrice == 10.5)
    }
}
