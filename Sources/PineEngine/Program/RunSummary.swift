import Foundation

/// The few lines `pfopt run` prints about a backtest.
public struct RunSummary {
    public let result: RunResult
    public let title: String
    /// Lines printed after the figures (`PineProgram.runNotes`).
    public let notes: [String]

    public init(result: RunResult, title: String, notes: [String] = []) {
        self.result = result
        self.title = title
        self.notes = notes
    }

    public var text: String {
        let r = result.report
        let m = r.metrics
        func f(_ x: Double, _ digits: Int = 2) -> String { x.isNaN ? "n/a" : String(format: "%.\(digits)f", x) }
        var lines: [String] = []
        lines.append("\(title.isEmpty ? "strategy" : title): \(r.counters.scriptBarsProcessed) bars")
        lines.append("trades          \(m.all.numTrades) (\(m.all.numWins) won, \(m.all.numLosses) lost), \(r.openTrades.count) open at the end")
        lines.append("net profit      \(f(m.all.netProfit)) (\(f(m.all.netProfitPercent, 3))%)")
        lines.append("profit factor   \(f(m.all.profitFactor, 3))")
        lines.append("max drawdown    \(f(m.equity.maxEquityDrawdown)) (\(f(m.equity.maxEquityDrawdownPercent, 3))%)")
        lines.append("sharpe (annual) \(f(m.equity.sharpeMonthly, 3))   sortino \(f(m.equity.sortinoMonthly, 3))")
        if let c = r.currency { lines.append("currency: \(c.note)") }
        if r.counters.marginCalls > 0 {
            lines.append("margin calls    \(r.counters.marginCalls) (exit id \"\(Broker.marginCallId)\" in the trades)")
        }
        if r.counters.marginShortfallBars > 0, let first = r.counters.firstMarginShortfallTime {
            let when = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(first) / 1000))
            lines.append(
                "warning: on \(r.counters.marginShortfallBars) bars (first \(when)) the equity at the bar's worst price did "
                    + "not cover the margin of the position held at its close, a position opened after pfopt's margin-call check")
        }
        lines += notes
        return lines.joined(separator: "\n")
    }
}
