import PFData
@testable import PineEngine
import Testing

/// Values that only feed drawings: plot ids kept for `fill()` and style
/// constants stored in variables compile and leave the run unchanged.
@Suite struct DisplayValueTests {
    /// Ten 1-minute bars whose close is 1, 2, ..., 10.
    static let bars = ScriptHarness.bars(closes: (1...10).map(Double.init))

    func run(_ body: String) throws -> RunResult {
        try ScriptHarness.run(
            ScriptHarness.source(body, declaration: "strategy(\"t\", default_qty_type = strategy.fixed, default_qty_value = 1)"),
            bars: Self.bars)
    }

    @Test func plotIdsFeedFill() throws {
        let result = try run(
            """
            up = close + 1
            dn = close - 1
            p1 = plot(up, "Up")
            p2 = plot(dn, "Dn")
            h = hline(5)
            fill(p1, p2, color.new(color.blue, 90))
            fill(h, h)
            if bar_index == 2
                strategy.entry("L", strategy.long)
            if bar_index == 5
                strategy.close("L")
            """)
        // Both plots record their series: close + 1 and close - 1 on every bar.
        let plots = result.plotSeries
        #expect(plots["Up"] == (1...10).map { Double($0) + 1 })
        #expect(plots["Dn"] == (1...10).map { Double($0) - 1 })
        // The entry signalled on bar 2 fills at bar 3's open (4), the close
        // signalled on bar 5 at bar 6's open (7): one trade of +3.
        #expect(result.report.trades.count == 1)
        #expect(result.report.trades.first?.entryPrice == 4)
        #expect(result.report.trades.first?.exitPrice == 7)
    }

    @Test func styleConstantsInVariables() throws {
        let result = try run(
            """
            corner = bar_index % 2 == 0 ? position.top_left : position.bottom_center
            align = text.align_center
            style = label.style_label_left
            plot(corner == position.top_left ? 1 : 0, "even")
            plot(align == text.align_center and style == label.style_label_left ? 1 : 0, "same")
            """)
        let plots = result.plotSeries
        #expect(plots["even"] == (0..<10).map { $0 % 2 == 0 ? 1 : 0 })
        #expect(plots["same"] == Array(repeating: 1, count: 10))
    }
}
