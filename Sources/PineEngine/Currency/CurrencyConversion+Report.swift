import Foundation
import PineLanguage

extension CurrencyConversion {
    /// The `strategy.*` values in money a script could read: converting
    /// them bar by bar is not done yet, so a script reading one is refused.
    static let moneyReads: Set<String> = [
        "strategy.equity", "strategy.netprofit", "strategy.openprofit", "strategy.grossprofit", "strategy.grossloss",
        "strategy.max_drawdown", "strategy.max_runup", "strategy.avg_trade", "strategy.avg_winning_trade",
        "strategy.avg_losing_trade", "strategy.closedtrades.profit", "strategy.closedtrades.commission",
        "strategy.closedtrades.max_runup", "strategy.closedtrades.max_drawdown", "strategy.opentrades.profit",
        "strategy.opentrades.commission", "strategy.opentrades.max_runup", "strategy.opentrades.max_drawdown",
        "strategy.convert_to_account", "strategy.convert_to_symbol", "strategy.default_entry_qty",
        "strategy.risk.max_drawdown", "strategy.risk.max_intraday_loss",
    ]

    /// Refuses, with the reason and where, what this conversion cannot do
    /// exactly yet: sizing by equity or cash (sized in the strategy's
    /// currency), and scripts that read money values while they run.
    func checkConvertible(_ program: PineProgram, properties: StrategyProperties) throws(CurrencyError) {
        guard kind == .converted else { return }
        let pair = "\(symbolCurrency ?? "") to \(strategyCurrency ?? "")"
        if properties.defaultQtyType != .fixed {
            throw .notConvertible("default_qty_type = \(properties.defaultQtyType.rawValue) sizes orders in the strategy's currency, which pfopt does not do yet when converting \(pair); use fixed quantities")
        }
        var found: (String, SourceRange)?
        SyntaxWalk.expressions(in: program.script.statements) { e in
            guard found == nil, let name = e.dottedName, Self.moneyReads.contains(name) else { return }
            found = (name, e.range)
        }
        if let (name, range) = found {
            throw .notConvertible("\(program.fileName):\(range.start.line):\(range.start.column): the script reads \(name), a money value pfopt does not convert from \(pair) while the script runs yet")
        }
    }

    /// The report with every amount carried into the strategy's currency at
    /// the rate of the bar it is booked on: a trade's gross profit at its
    /// exit bar, a percent commission at its fill's bar (cash commissions
    /// are already in the strategy's currency), open profit at each bar;
    /// a trade's run-up and drawdown at its exit bar. Percentages are kept.
    func converted(_ report: BacktestReport, properties: StrategyProperties, metrics: (BacktestReport) -> Metrics) -> BacktestReport {
        guard kind == .converted, !factors.isEmpty else { return report }
        let f = factors
        func rate(_ bar: Int) -> Double { f[min(max(bar, 0), f.count - 1)] }
        let percentFees = properties.commissionType == .percent
        var out = report
        var closedOriginal = [Double](repeating: 0, count: report.equityCurve.count)
        var closedConverted = closedOriginal
        for (k, t) in report.trades.enumerated() {
            var c = t
            let entryShare = percentFees && t.entryPrice + t.exitPrice > 0 ? t.entryPrice / (t.entryPrice + t.exitPrice) : 0
            let entryFee = percentFees ? t.commission * entryShare : 0
            let exitFee = percentFees ? t.commission - entryFee : 0
            let fixedFees = percentFees ? 0 : t.commission
            let gross = t.pnl + t.commission
            let feesConverted = entryFee * rate(t.entryBar) + exitFee * rate(t.exitBar) + fixedFees
            c.commission = feesConverted
            c.pnl = gross * rate(t.exitBar) - feesConverted
            c.maxRunup = (t.maxRunup + entryFee) * rate(t.exitBar) - entryFee * rate(t.entryBar)
            c.maxDrawdown = (t.maxDrawdown - entryFee) * rate(t.exitBar) + entryFee * rate(t.entryBar)
            out.trades[k] = c
            if t.exitBar >= 0 && t.exitBar < closedOriginal.count {
                closedOriginal[t.exitBar] += t.pnl
                closedConverted[t.exitBar] += c.pnl
            }
        }
        var sumOriginal = 0.0
        var sumConverted = 0.0
        let initial = report.initialCapital
        for i in 0..<report.equityCurve.count {
            sumOriginal += closedOriginal[i]
            sumConverted += closedConverted[i]
            let open = report.equityCurve.equity[i] - initial - sumOriginal
            out.equityCurve.equity[i] = initial + sumConverted + open * rate(i)
            out.equityCurve.openProfit[i] = report.equityCurve.openProfit[i] * rate(i)
        }
        out.metrics = metrics(out)
        return out
    }
}
