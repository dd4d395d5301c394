/// Trade statistics of one group of trades (all, longs or shorts). NaN
/// where undefined (no trades, no losses for a profit factor, ...).
/// Loss-side values are positive magnitudes; `_pct` money values are
/// relative to the initial capital, per-trade `_pct` values average the
/// trades' own P&L %.
public struct TradeStats: Sendable, Hashable {
    public var numTrades = 0
    public var numWins = 0
    public var numLosses = 0
    public var numEven = 0
    public var percentProfitable = Double.nan
    public var netProfit = 0.0
    public var netProfitPercent = 0.0
    public var grossProfit = 0.0
    public var grossProfitPercent = 0.0
    public var grossLoss = 0.0
    public var grossLossPercent = 0.0
    public var profitFactor = Double.nan
    public var avgTrade = Double.nan
    public var avgTradePercent = Double.nan
    public var avgWin = Double.nan
    public var avgWinPercent = Double.nan
    public var avgLoss = Double.nan
    public var avgLossPercent = Double.nan
    public var ratioAvgWinAvgLoss = Double.nan
    public var largestWin = Double.nan
    public var largestWinPercent = Double.nan
    public var largestLoss = Double.nan
    public var largestLossPercent = Double.nan
    public var commissionPaid = 0.0
    public var expectancy = Double.nan
    public var maxConsecutiveWins = 0
    public var maxConsecutiveLosses = 0
    public var avgBarsInTrade = Double.nan
    public var avgBarsInWins = Double.nan
    public var avgBarsInLosses = Double.nan

    public init() {}

    /// The values in `MetricCatalog.tradeMetrics` order.
    public var values: [Double] {
        [
            Double(numTrades), Double(numWins), Double(numLosses), Double(numEven), percentProfitable,
            netProfit, netProfitPercent, grossProfit, grossProfitPercent, grossLoss, grossLossPercent,
            profitFactor, avgTrade, avgTradePercent, avgWin, avgWinPercent, avgLoss, avgLossPercent,
            ratioAvgWinAvgLoss, largestWin, largestWinPercent, largestLoss, largestLossPercent,
            commissionPaid, expectancy, Double(maxConsecutiveWins), Double(maxConsecutiveLosses),
            avgBarsInTrade, avgBarsInWins, avgBarsInLosses,
        ]
    }

    /// Computes the statistics of the trades `include` selects.
    public init(trades: [ClosedTrade], initialCapital: Double, include: (ClosedTrade) -> Bool) {
        var sumPct = 0.0
        var sumWinPct = 0.0
        var sumLossPct = 0.0
        var bars = 0
        var winBars = 0
        var lossBars = 0
        var consecutiveWins = 0
        var consecutiveLosses = 0
        var largestWin = -Double.infinity
        var largestWinPct = -Double.infinity
        var largestLoss = Double.infinity
        var largestLossPct = Double.infinity
        for t in trades where include(t) {
            numTrades += 1
            netProfit += t.pnl
            sumPct += t.pnlPercent
            commissionPaid += t.commission
            let b = t.exitBar - t.entryBar + 1
            bars += b
            if t.pnl > 0 {
                numWins += 1
                grossProfit += t.pnl
                sumWinPct += t.pnlPercent
                winBars += b
                largestWin = max(largestWin, t.pnl)
                largestWinPct = max(largestWinPct, t.pnlPercent)
                consecutiveWins += 1
                consecutiveLosses = 0
            } else if t.pnl < 0 {
                numLosses += 1
                grossLoss += -t.pnl
                sumLossPct += t.pnlPercent
                lossBars += b
                largestLoss = min(largestLoss, t.pnl)
                largestLossPct = min(largestLossPct, t.pnlPercent)
                consecutiveLosses += 1
                consecutiveWins = 0
            } else {
                numEven += 1
                consecutiveWins = 0
                consecutiveLosses = 0
            }
            maxConsecutiveWins = max(maxConsecutiveWins, consecutiveWins)
            maxConsecutiveLosses = max(maxConsecutiveLosses, consecutiveLosses)
        }
        netProfitPercent = netProfit / initialCapital * 100
        grossProfitPercent = grossProfit / initialCapital * 100
        grossLossPercent = grossLoss / initialCapital * 100
        guard numTrades > 0 else { return }
        let n = Double(numTrades)
        percentProfitable = Double(numWins) / n * 100
        if grossLoss > 0 { profitFactor = grossProfit / grossLoss }
        avgTrade = netProfit / n
        avgTradePercent = sumPct / n
        avgBarsInTrade = Double(bars) / n
        if numWins > 0 {
            avgWin = grossProfit / Double(numWins)
            avgWinPercent = sumWinPct / Double(numWins)
            self.largestWin = largestWin
            self.largestWinPercent = largestWinPct
            avgBarsInWins = Double(winBars) / Double(numWins)
        }
        if numLosses > 0 {
            avgLoss = grossLoss / Double(numLosses)
            avgLossPercent = -sumLossPct / Double(numLosses)
            self.largestLoss = -largestLoss
            self.largestLossPercent = -largestLossPct
            avgBarsInLosses = Double(lossBars) / Double(numLosses)
        }
        if numWins > 0 && numLosses > 0 { ratioAvgWinAvgLoss = avgWin / avgLoss }
        let winPart = numWins > 0 ? Double(numWins) / n * avgWin : 0
        let lossPart = numLosses > 0 ? Double(numLosses) / n * avgLoss : 0
        expectancy = winPart - lossPart
    }
}
