import Foundation

/// All metrics of a backtest, named as `MetricCatalog` names them.
public struct Metrics: Sendable, Hashable {
    public var all: TradeStats
    public var longs: TradeStats
    public var shorts: TradeStats
    public var equity: EquityStats

    public init(all: TradeStats, longs: TradeStats, shorts: TradeStats, equity: EquityStats) {
        self.all = all
        self.longs = longs
        self.shorts = shorts
        self.equity = equity
    }

    /// One value per `MetricCatalog.flatNames` entry, NaN where undefined.
    /// The trade and equity metrics in `MetricCatalog.flatNames` order (the run counters,
    /// last in that list, are the report's: `BacktestReport.flatMetrics`).
    public var flat: [Double] { all.values + longs.values + shorts.values + equity.values }

    /// The value of a flat metric name (`net_profit`, `long_num_trades`, `sharpe_monthly`), nil when unknown.
    public func value(named name: String) -> Double? {
        let values = flat
        guard let i = MetricCatalog.flatNames.firstIndex(of: name), i < values.count else { return nil }
        return values[i]
    }

    /// Computes every metric from the closed trades and the equity curve.
    /// `firstOpen` / `lastClose` are the first bar's open and the last
    /// bar's close (buy & hold).
    /// `riskFreeRate`: the annual rate in percent the Sharpe and Sortino ratios subtract
    /// (TradingView's `risk_free_rate`, 2 by default).
    public init(
        trades: [ClosedTrade], curve: EquityCurve, initialCapital: Double, firstOpen: Double,
        lastClose: Double, timezone: TimeZone, riskFreeRate: Double = 2
    ) {
        all = TradeStats(trades: trades, initialCapital: initialCapital) { _ in true }
        longs = TradeStats(trades: trades, initialCapital: initialCapital) { $0.direction == .long }
        shorts = TradeStats(trades: trades, initialCapital: initialCapital) { $0.direction == .short }
        equity = EquityStats()
        let eq = curve.equity
        let n = eq.count
        guard n > 0 else { return }
        var e = EquityStats()
        // Drawdown from the running peak; run-up from the trough since the last peak.
        var peak = eq[0]
        var trough = eq[0]
        for v in eq {
            if v > peak {
                peak = v
                trough = v
            }
            if v < trough { trough = v }
            let dd = peak - v
            if dd > e.maxEquityDrawdown { e.maxEquityDrawdown = dd }
            // The division is skipped where a product shows the percent cannot
            // exceed the record (see `EquityTracker.mayExceed`): with a positive
            // peak, and the record times the peak far from underflow.
            let record = e.maxEquityDrawdownPercent
            if !(peak > 0) || !(record * peak > 1e-290) || EquityTracker.mayExceed(dd, peak, record) {
                let ddPct = dd / peak * 100
                if ddPct > e.maxEquityDrawdownPercent { e.maxEquityDrawdownPercent = ddPct }
            }
            // The run-up % is the one of the largest run-up in money.
            let ru = v - trough
            if ru > e.maxEquityRunup {
                e.maxEquityRunup = ru
                e.maxEquityRunupPercent = ru / trough * 100
            }
        }
        e.buyHoldReturn = initialCapital * (lastClose / firstOpen - 1)
        e.buyHoldReturnPercent = e.buyHoldReturn / initialCapital * 100
        var inMarket = 0
        for b in curve.inMarket where b { inMarket += 1 }
        e.timeInMarketPercent = Double(inMarket) / Double(n) * 100
        e.openPL = curve.openProfit[n - 1]
        let spanMs = Double(curve.time[n - 1] - curve.time[0])
        let years = spanMs / 86_400_000 / 365.25
        if years > 0 {
            e.cagr = 100 * (pow(eq[n - 1] / initialCapital, 1 / years) - 1)
        }
        if e.maxEquityDrawdownPercent > 0 { e.calmar = e.cagr / e.maxEquityDrawdownPercent }
        if e.maxEquityDrawdown > 0 { e.recoveryFactor = all.netProfit / e.maxEquityDrawdown }

        // Monthly Sharpe / Sortino on the last equity of each calendar month.
        let monthly = Metrics.monthEndEquity(curve: curve, timezone: timezone)
        if monthly.count >= 2 {
            var r: [Double] = []
            r.reserveCapacity(monthly.count - 1)
            for i in 1..<monthly.count { r.append(monthly[i] / monthly[i - 1] - 1) }
            (e.sharpeMonthly, e.sortinoMonthly) = Metrics.sharpeSortino(returns: r, riskFree: riskFreeRate / 100 / 12, annualization: 12)
        }
        if n >= 3 && years > 0 {
            let barsPerYear = Double(n - 1) / years
            (e.sharpeBar, e.sortinoBar) = eq.withUnsafeBufferPointer { p in
                Metrics.sharpeSortino(count: n - 1, riskFree: riskFreeRate / 100 / barsPerYear, annualization: barsPerYear) {
                    p[$0 + 1] / p[$0] - 1
                }
            }
        }
        equity = e
    }

    /// (mean - rf) / sample stdev and (mean - rf) / population downside
    /// deviation of (r - rf), both times sqrt(annualization).
    static func sharpeSortino(returns r: [Double], riskFree rf: Double, annualization: Double) -> (Double, Double) {
        sharpeSortino(count: r.count, riskFree: rf, annualization: annualization) { r[$0] }
    }

    /// The same over `n` returns given by index (no array of returns is built).
    @inline(__always)
    static func sharpeSortino(
        count n: Int, riskFree rf: Double, annualization: Double, _ r: (Int) -> Double
    ) -> (Double, Double) {
        let count = Double(n)
        guard n >= 2 else { return (.nan, .nan) }
        var sum = 0.0
        for i in 0..<n { sum += r(i) }
        let mean = sum / count
        var sq = 0.0
        var down = 0.0
        for i in 0..<n {
            let x = r(i)
            sq += (x - mean) * (x - mean)
            let d = min(0, x - rf)
            down += d * d
        }
        let sd = (sq / (count - 1)).squareRoot()
        let dd = (down / count).squareRoot()
        let k = annualization.squareRoot()
        let sharpe = sd > 0 ? (mean - rf) / sd * k : .nan
        // Returns that never vary (no trades, flat equity) leave both ratios
        // undefined: the downside deviation would only measure the risk-free rate.
        let sortino = dd > 0 && sd > 0 ? (mean - rf) / dd * k : .nan
        return (sharpe, sortino)
    }

    /// The last equity of each calendar month (in `timezone`), in order.
    static func monthEndEquity(curve: EquityCurve, timezone: TimeZone) -> [Double] {
        var out: [Double] = []
        let fixedOffset: Int? =
            timezone.nextDaylightSavingTimeTransition == nil ? timezone.secondsFromGMT() : nil
        var lastKey = Int.min
        // The local day [dayStart, dayEnd) whose month is `key`: the month
        // only changes with the day, so a bar inside it needs no conversion.
        var dayStart = Int64.max
        var dayEnd = Int64.min
        var key = Int.min
        // The bar whose equity ends the month being read (-1: none yet).
        var last = -1
        let equity = curve.equity
        for i in 0..<curve.count {
            let ms = curve.time[i]
            let offset =
                fixedOffset ?? timezone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(ms) / 1000))
            let local = ms + Int64(offset) * 1000
            if local < dayStart || local >= dayEnd {
                let day = local >= 0 ? local / 86_400_000 : (local - 86_399_999) / 86_400_000
                dayStart = day &* 86_400_000
                dayEnd = dayStart &+ 86_400_000
                key = monthKey(unixMs: local)
            }
            if key != lastKey {
                if last >= 0 { out.append(equity[last]) }
                lastKey = key
            }
            last = i
        }
        if last >= 0 { out.append(equity[last]) }
        return out
    }

    /// year * 12 + month - 1 of a Unix time (civil calendar, proleptic Gregorian).
    static func monthKey(unixMs: Int64) -> Int {
        var days = unixMs / 86_400_000
        if unixMs % 86_400_000 < 0 { days -= 1 }
        // Days since 1970-01-01 to civil date (era-based algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return Int(year) * 12 + Int(month) - 1
    }
}
