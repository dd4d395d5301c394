import Foundation
import PFData
import Testing

@testable import PFOptimizer

/// A position still open when a fold ends is closed at the fold's last bar:
/// listed as a trade, counted in net profit and in the stitched equity alike.
@Suite struct OOSStitcherTests {
    let header = ["trade", "direction", "entry_time", "entry_price", "exit_time", "exit_price", "qty", "pnl",
                  "pnl_pct", "commission", "entry_bar", "exit_bar", "max_runup", "max_drawdown", "entry_id",
                  "exit_id", "entry_comment", "exit_comment", "entry_time_ms", "exit_time_ms"]
    let hour: Int64 = 3_600_000

    func row(_ entry: Int64, _ exit: Int64, pnl: Double, exitId: String) -> [String] {
        ["1", "long", "", "100", "", "101", "1", String(pnl), "1", "0", "0", "0", "0", "0", "L", exitId, "", "",
         String(entry), String(exit)]
    }

    @Test func aPositionOpenAtAFoldsEndIsClosedThereInTradesNetProfitAndEquity() {
        let t0: Int64 = 1_700_000_000_000
        let f1 = Fold(number: 1, inSampleStart: t0 - 10 * hour, inSampleEnd: t0, outOfSampleStart: t0, outOfSampleEnd: t0 + 4 * hour)
        let f2 = Fold(number: 2, inSampleStart: t0 - 6 * hour, inSampleEnd: t0 + 4 * hour, outOfSampleStart: t0 + 4 * hour,
                      outOfSampleEnd: t0 + 8 * hour)
        // Fold 1 (capital 1000): a trade closes +10 at bar 1; another opens at bar 2 and is still open
        // after bar 3, marked +32 before its entry commission of 2 (its open profit net of it: +30).
        let out1 = OOSStitcher.FoldOutput(
            fold: f1, tradesHeader: header, trades: [row(t0, t0 + hour, pnl: 10, exitId: "X")],
            equity: [(t0 - hour, 1000, 0), (t0, 1000, 0), (t0 + hour, 1010, 0), (t0 + 2 * hour, 1015, 5),
                     (t0 + 3 * hour, 1042, 32)],
            openTrades: [row(t0 + 2 * hour, t0 + 3 * hour, pnl: 30, exitId: "")])
        // Fold 2 (its own run from 1000): one trade -5, nothing open at the end.
        let out2 = OOSStitcher.FoldOutput(
            fold: f2, tradesHeader: header, trades: [row(t0 + 5 * hour, t0 + 6 * hour, pnl: -5, exitId: "X")],
            equity: [(t0 + 3 * hour, 1000, 0), (t0 + 4 * hour, 1000, 0), (t0 + 5 * hour, 1000, 0),
                     (t0 + 6 * hour, 995, 0), (t0 + 7 * hour, 995, 0)],
            openTrades: [])
        var s = OOSStitcher()
        s.add(out1)
        s.add(out2)

        // Three trades: the fold-end one marked as such, between fold 1's and fold 2's.
        #expect(s.trades.count == 3)
        let exitId = header.firstIndex(of: "exit_id").map { $0 + 1 } ?? 0
        #expect(s.trades.map { $0[exitId] } == ["X", OOSStitcher.foldEndExitId, "X"])
        #expect(s.tradePnl == [10, 30, -5])
        // Equity: fold 1 ends closed at 1000 + 10 + 30 = 1040 (not 1042 marked), fold 2 continues from there.
        #expect(s.equity.map(\.equity) == [1000, 1010, 1015, 1040, 1040, 1040, 1035, 1035])
        #expect(s.equity[3].openProfit == 0)
        let m = StitchedMetrics(s, totalDays: 8.0 / 24)
        #expect(m.value("net_profit") == 35)
        #expect(m.value("num_trades") == 3)
        #expect(m.value("final_equity") - m.value("initial_equity") == 35)
        #expect(s.notes.count == 1)
        #expect(s.notes.first?.hasPrefix("fold 1 ended with 1 trade(s) open: closed at the last bar's close") == true)
        #expect(s.notes.first?.contains("P&L 30.00") == true)
    }

    @Test func aMarkedPositionTheRunDidNotListIsNamedInANote() {
        let t0: Int64 = 1_700_000_000_000
        let f = Fold(number: 4, inSampleStart: t0 - 10 * hour, inSampleEnd: t0, outOfSampleStart: t0, outOfSampleEnd: t0 + 2 * hour)
        var s = OOSStitcher()
        s.add(OOSStitcher.FoldOutput(
            fold: f, tradesHeader: header, trades: [], equity: [(t0, 1000, 0), (t0 + hour, 1007, 7)], openTrades: nil))
        #expect(s.notes == ["fold 4 ended with a position open (marked at 7.00 at 2023-11-14T23:13 UTC) that its run did not list: it is in the stitched equity only, not in the trades or net profit"])
    }
}
