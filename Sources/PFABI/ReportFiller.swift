import CPFABI
import Foundation
import PineEngine

/// Writes a backtest report into the caller's `pf_report_t` (arrays on the
/// C heap, released by `report_free`).
enum ReportFiller {
    /// The name of the one trace entry pfopt libraries write: the run's count
    /// of bars where TradingView would have issued a margin call.
    static var marginShortfallName: UnsafePointer<CChar> { staticCString("margin_shortfall_bars") }

    static func fillTimeframes(_ out: UnsafeMutablePointer<pf_report_t>, bars: PreparedBars, magnifier: Magnifier) {
        let input = bars.inputTimeframe.map { Int($0.seconds) } ?? 0
        let script = bars.data.timeframe.map { Int($0.seconds) } ?? input
        out.pointee.input_tf_seconds = Int32(clamping: input)
        out.pointee.script_tf_seconds = Int32(clamping: script)
        out.pointee.script_tf_ratio = input > 0 ? Int32(clamping: script / input) : 1
        out.pointee.needs_aggregation = bars.data.bars.hasSubBars ? 1 : 0
        out.pointee.bar_magnifier_enabled = magnifier == .off ? 0 : 1
    }

    static func fill(_ out: UnsafeMutablePointer<pf_report_t>, report: BacktestReport) {
        let trades = report.trades
        out.pointee.total_trades = Int32(clamping: trades.count)
        out.pointee.trades_len = Int32(clamping: trades.count)
        out.pointee.net_profit = report.netProfit
        out.pointee.script_bars_processed = Int64(report.counters.scriptBarsProcessed)
        out.pointee.magnifier_sub_bars_total = Int64(report.counters.magnifierSubBars)
        out.pointee.magnifier_sample_ticks_total = Int64(report.counters.magnifierSampleTicks)
        if !trades.isEmpty {
            let p = allocate(pf_trade_t.self, trades.count)
            for (i, t) in trades.enumerated() {
                p[i] = pf_trade_t(
                    entry_time: t.entryTime, exit_time: t.exitTime, entry_price: t.entryPrice, exit_price: t.exitPrice,
                    pnl: t.pnl, pnl_pct: t.pnlPercent, is_long: t.direction == .long ? 1 : 0, max_runup: t.maxRunup,
                    max_drawdown: t.maxDrawdown, qty: t.qty, commission: t.commission,
                    entry_bar_index: Int32(clamping: t.entryBar), exit_bar_index: Int32(clamping: t.exitBar))
            }
            out.pointee.trades = p
        }
        let m = report.metrics
        out.pointee.metrics = pf_metrics_t(
            all: tradeStats(m.all), longs: tradeStats(m.longs), shorts: tradeStats(m.shorts), equity: equityStats(m.equity))
        let curve = report.equityCurve
        if curve.count > 0 {
            let p = allocate(pf_equity_point_t.self, curve.count)
            for i in 0..<curve.count {
                p[i] = pf_equity_point_t(time_ms: curve.time[i], equity: curve.equity[i], open_profit: curve.openProfit[i])
            }
            out.pointee.equity_curve = p
            out.pointee.equity_curve_len = Int64(curve.count)
        }
        let names = allocate(UnsafePointer<CChar>?.self, 1)
        names[0] = marginShortfallName
        out.pointee.trace_names = names
        out.pointee.trace_names_len = 1
        let trace = allocate(pf_trace_entry_t.self, 1)
        trace[0] = pf_trace_entry_t(
            timestamp: report.counters.firstMarginShortfallTime ?? 0, bar_index: -1, name_id: 0,
            value: Double(report.counters.marginShortfallBars))
        out.pointee.trace = trace
        out.pointee.trace_len = 1
    }

    private static func allocate<T>(_ type: T.Type, _ count: Int) -> UnsafeMutablePointer<T> {
        let raw = calloc(count, MemoryLayout<T>.stride)
        guard let raw else { fatalError("out of memory allocating a report") }
        return raw.bindMemory(to: T.self, capacity: count)
    }

    static func release(_ r: UnsafeMutablePointer<pf_report_t>) {
        free(r.pointee.trades)
        r.pointee.trades = nil
        r.pointee.trades_len = 0
        free(r.pointee.equity_curve)
        r.pointee.equity_curve = nil
        r.pointee.equity_curve_len = 0
        free(r.pointee.security_diag)
        r.pointee.security_diag = nil
        r.pointee.security_diag_len = 0
        free(r.pointee.trace)
        r.pointee.trace = nil
        r.pointee.trace_len = 0
        free(UnsafeMutableRawPointer(mutating: r.pointee.trace_names))
        r.pointee.trace_names = nil
        r.pointee.trace_names_len = 0
    }

    private static func int32(_ v: Int) -> Int32 { Int32(clamping: v) }

    static func tradeStats(_ s: TradeStats) -> pf_trade_stats_t {
        pf_trade_stats_t(
            num_trades: int32(s.numTrades), num_wins: int32(s.numWins), num_losses: int32(s.numLosses),
            num_even: int32(s.numEven), percent_profitable: s.percentProfitable, net_profit: s.netProfit,
            net_profit_pct: s.netProfitPercent, gross_profit: s.grossProfit, gross_profit_pct: s.grossProfitPercent,
            gross_loss: s.grossLoss, gross_loss_pct: s.grossLossPercent, profit_factor: s.profitFactor,
            avg_trade: s.avgTrade, avg_trade_pct: s.avgTradePercent, avg_win: s.avgWin, avg_win_pct: s.avgWinPercent,
            avg_loss: s.avgLoss, avg_loss_pct: s.avgLossPercent, ratio_avg_win_avg_loss: s.ratioAvgWinAvgLoss,
            largest_win: s.largestWin, largest_win_pct: s.largestWinPercent, largest_loss: s.largestLoss,
            largest_loss_pct: s.largestLossPercent, commission_paid: s.commissionPaid, expectancy: s.expectancy,
            max_consecutive_wins: int32(s.maxConsecutiveWins), max_consecutive_losses: int32(s.maxConsecutiveLosses),
            avg_bars_in_trade: s.avgBarsInTrade, avg_bars_in_wins: s.avgBarsInWins,
            avg_bars_in_losses: s.avgBarsInLosses)
    }

    static func equityStats(_ e: EquityStats) -> pf_equity_stats_t {
        pf_equity_stats_t(
            max_equity_drawdown: e.maxEquityDrawdown, max_equity_drawdown_pct: e.maxEquityDrawdownPercent,
            max_equity_runup: e.maxEquityRunup, max_equity_runup_pct: e.maxEquityRunupPercent,
            buy_hold_return: e.buyHoldReturn, buy_hold_return_pct: e.buyHoldReturnPercent, sharpe_tv: e.sharpeMonthly,
            sortino_tv: e.sortinoMonthly, sharpe_bar: e.sharpeBar, sortino_bar: e.sortinoBar, cagr: e.cagr,
            calmar: e.calmar, recovery_factor: e.recoveryFactor, time_in_market_pct: e.timeInMarketPercent,
            open_pl: e.openPL)
    }
}
