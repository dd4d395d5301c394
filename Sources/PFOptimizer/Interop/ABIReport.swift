import CPFABI
import PineEngine

/// Reads a `pf_report_t` filled by a strategy library into pfopt's terms.
enum ABIReport {
    /// The run's metrics in `MetricCatalog.flatNames` order. The run counter
    /// `margin_shortfall_bars` comes from the trace entry of that name (pfopt
    /// libraries write it); NaN when the library does not report it.
    static func flatMetrics(_ r: pf_report_t) -> [Double] {
        let m = r.metrics
        var out = tradeStats(m.all).values + tradeStats(m.longs).values + tradeStats(m.shorts).values
        out += equityStats(m.equity).values
        out.append(traced(r, "margin_shortfall_bars") ?? .nan)
        return out
    }

    static func traced(_ r: pf_report_t, _ name: String) -> Double? {
        guard let names = r.trace_names, let trace = r.trace, r.trace_len > 0, r.trace_names_len > 0 else { return nil }
        guard let id = (0..<Int(r.trace_names_len)).first(where: { names[$0].map { String(cString: $0) } == name })
        else { return nil }
        for i in 0..<Int(r.trace_len) where Int(trace[i].name_id) == id { return trace[i].value }
        return nil
    }

    static func tradeStats(_ s: pf_trade_stats_t) -> TradeStats {
        var t = TradeStats()
        t.numTrades = Int(s.num_trades)
        t.numWins = Int(s.num_wins)
        t.numLosses = Int(s.num_losses)
        t.numEven = Int(s.num_even)
        t.percentProfitable = s.percent_profitable
        t.netProfit = s.net_profit
        t.netProfitPercent = s.net_profit_pct
        t.grossProfit = s.gross_profit
        t.grossProfitPercent = s.gross_profit_pct
        t.grossLoss = s.gross_loss
        t.grossLossPercent = s.gross_loss_pct
        t.profitFactor = s.profit_factor
        t.avgTrade = s.avg_trade
        t.avgTradePercent = s.avg_trade_pct
        t.avgWin = s.avg_win
        t.avgWinPercent = s.avg_win_pct
        t.avgLoss = s.avg_loss
        t.avgLossPercent = s.avg_loss_pct
        t.ratioAvgWinAvgLoss = s.ratio_avg_win_avg_loss
        t.largestWin = s.largest_win
        t.largestWinPercent = s.largest_win_pct
        t.largestLoss = s.largest_loss
        t.largestLossPercent = s.largest_loss_pct
        t.commissionPaid = s.commission_paid
        t.expectancy = s.expectancy
        t.maxConsecutiveWins = Int(s.max_consecutive_wins)
        t.maxConsecutiveLosses = Int(s.max_consecutive_losses)
        t.avgBarsInTrade = s.avg_bars_in_trade
        t.avgBarsInWins = s.avg_bars_in_wins
        t.avgBarsInLosses = s.avg_bars_in_losses
        return t
    }

    static func equityStats(_ s: pf_equity_stats_t) -> EquityStats {
        var e = EquityStats()
        e.maxEquityDrawdown = s.max_equity_drawdown
        e.maxEquityDrawdownPercent = s.max_equity_drawdown_pct
        e.maxEquityRunup = s.max_equity_runup
        e.maxEquityRunupPercent = s.max_equity_runup_pct
        e.buyHoldReturn = s.buy_hold_return
        e.buyHoldReturnPercent = s.buy_hold_return_pct
        e.sharpeMonthly = s.sharpe_tv
        e.sortinoMonthly = s.sortino_tv
        e.sharpeBar = s.sharpe_bar
        e.sortinoBar = s.sortino_bar
        e.cagr = s.cagr
        e.calmar = s.calmar
        e.recoveryFactor = s.recovery_factor
        e.timeInMarketPercent = s.time_in_market_pct
        e.openPL = s.open_pl
        return e
    }

    /// The report as pfopt's own, for the run files of the best run. What the
    /// interface does not carry (order ids, open trades) is left empty; the
    /// initial capital, when not known, is the last equity less the closed and open profit.
    static func backtestReport(_ r: pf_report_t, initialCapital: Double?) -> BacktestReport {
        var trades: [ClosedTrade] = []
        if let p = r.trades {
            for i in 0..<Int(max(0, r.trades_len)) {
                let t = p[i]
                trades.append(
                    ClosedTrade(
                        direction: t.is_long != 0 ? .long : .short, entryId: "", exitId: "", entryComment: nil,
                        exitComment: nil, entryTime: t.entry_time, exitTime: t.exit_time, entryPrice: t.entry_price,
                        exitPrice: t.exit_price, entryBar: Int(t.entry_bar_index), exitBar: Int(t.exit_bar_index),
                        qty: t.qty, pnl: t.pnl, pnlPercent: t.pnl_pct, commission: t.commission, maxRunup: t.max_runup,
                        maxDrawdown: t.max_drawdown))
            }
        }
        var curve = EquityCurve()
        if let p = r.equity_curve {
            for i in 0..<Int(max(0, r.equity_curve_len)) {
                curve.time.append(p[i].time_ms)
                curve.equity.append(p[i].equity)
                curve.openProfit.append(p[i].open_profit)
                curve.inMarket.append(p[i].open_profit != 0)
            }
        }
        var counters = BacktestCounters()
        counters.scriptBarsProcessed = Int(r.script_bars_processed)
        counters.magnifierSampleTicks = Int(r.magnifier_sample_ticks_total)
        counters.magnifierSubBars = Int(r.magnifier_sub_bars_total)
        counters.marginShortfallBars = Int(traced(r, "margin_shortfall_bars") ?? 0)
        let m = r.metrics
        let metrics = Metrics(
            all: tradeStats(m.all), longs: tradeStats(m.longs), shorts: tradeStats(m.shorts), equity: equityStats(m.equity))
        let capital = initialCapital
            ?? (curve.equity.last ?? 0) - r.metrics.all.net_profit - r.metrics.equity.open_pl
        return BacktestReport(
            trades: trades, openTrades: [], equityCurve: curve, counters: counters, metrics: metrics,
            initialCapital: capital)
    }
}
