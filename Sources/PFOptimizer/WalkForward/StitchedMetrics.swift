/// Statistics of the stitched out-of-sample record, computed from its trades
/// and equity curve (names follow `MetricCatalog` where they match).
struct StitchedMetrics {
    var values: [(String, Double)] = []

    init(_ s: OOSStitcher, totalDays: Double) {
        let pnl = s.tradePnl.filter { !$0.isNaN }
        let initial = s.initialEquity
        let wins = pnl.filter { $0 > 0 }
        let losses = pnl.filter { $0 < 0 }
        let net = pnl.reduce(0, +)
        let grossProfit = wins.reduce(0, +)
        let grossLoss = -losses.reduce(0, +)
        var peak = -Double.infinity
        var trough = Double.infinity
        var maxDD = 0.0
        var maxDDPct = 0.0
        var maxRunup = 0.0
        var maxRunupPct = 0.0
        for p in s.equity {
            peak = max(peak, p.equity)
            trough = min(trough, p.equity)
            let dd = peak - p.equity
            if dd > maxDD { maxDD = dd }
            if peak > 0 { maxDDPct = max(maxDDPct, dd / peak * 100) }
            let ru = p.equity - trough
            if ru > maxRunup { maxRunup = ru }
            if trough > 0 { maxRunupPct = max(maxRunupPct, ru / trough * 100) }
        }
        let finalEquity = s.equity.last?.equity ?? initial
        let equityChange = finalEquity - initial
        let netPct = initial > 0 ? equityChange / initial * 100 : .nan
        values = [
            ("num_trades", Double(pnl.count)),
            ("num_wins", Double(wins.count)),
            ("num_losses", Double(losses.count)),
            ("percent_profitable", pnl.isEmpty ? .nan : Double(wins.count) / Double(pnl.count) * 100),
            ("net_profit", net),
            ("net_profit_pct", initial > 0 ? net / initial * 100 : .nan),
            ("gross_profit", grossProfit),
            ("gross_loss", grossLoss),
            ("profit_factor", grossLoss > 0 ? grossProfit / grossLoss : .nan),
            ("avg_trade", pnl.isEmpty ? .nan : net / Double(pnl.count)),
            ("largest_win", wins.max() ?? .nan),
            ("largest_loss", losses.min().map { -$0 } ?? .nan),
            ("max_equity_drawdown", maxDD),
            ("max_equity_drawdown_pct", maxDDPct),
            ("max_equity_runup", maxRunup),
            ("max_equity_runup_pct", maxRunupPct),
            ("initial_equity", initial),
            ("final_equity", finalEquity),
            ("equity_return_pct", netPct),
            ("annualized_return_pct", totalDays > 0 ? netPct * 365.25 / totalDays : .nan),
            ("out_of_sample_days", totalDays),
        ]
    }

    func value(_ name: String) -> Double {
        values.first { $0.0 == name }?.1 ?? .nan
    }
}
