import PFData
@testable import PineEngine
import Testing

/// `strategy.risk.*` calls from Pine reach the broker.
@Suite struct StrategyRiskBindingTests {
    static let flip = """
        //@version=6
        strategy("risk flip", initial_capital=100000)
        RISK
        f = ta.sma(close, 10)
        s = ta.sma(close, 30)
        if ta.crossover(f, s)
            strategy.entry("L", strategy.long)
        if ta.crossunder(f, s)
            strategy.entry("S", strategy.short)
        """

    private func trades(_ risk: String) throws -> [ClosedTrade] {
        let source = Self.flip.replacingOccurrences(of: "RISK", with: risk)
        let program = try PineProgram.compile(source: source, fileName: "risk.pine")
        let data = try PreparedData(store: PineParityFeed.store, sourceTimeframe: Timeframe("15"))
        return try ScriptRunner(program: program, data: data).run(RunOptions()).report.trades
    }

    @Test func allowEntryInLongOnlyOpensNoShorts() throws {
        let both = try trades("")
        let longOnly = try trades("strategy.risk.allow_entry_in(strategy.direction.long)")
        #expect(both.contains { $0.direction == .short })
        #expect(!longOnly.isEmpty)
        #expect(longOnly.allSatisfy { $0.direction == .long })
        #expect(longOnly.count < both.count)
    }

    /// Entries larger than the cap are reduced to it (the default qty is 1).
    @Test func maxPositionSizeReducesEntriesToTheCap() throws {
        let capped = try trades("strategy.risk.max_position_size(0.5)")
        let free = try trades("")
        #expect(!free.isEmpty && free.allSatisfy { $0.qty == 1 })
        #expect(!capped.isEmpty && capped.allSatisfy { $0.qty == 0.5 })
    }
}
