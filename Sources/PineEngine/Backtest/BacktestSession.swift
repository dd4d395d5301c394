import PFData

/// A backtest run bar by bar. Each `next()` processes one script bar:
/// fills pending orders along the bar's price path (or the magnifier's),
/// updates excursions, runs the script once on the close, fills
/// process_orders_on_close market orders and records the equity point.
/// `report()` gives the result so far; `run(onProgress:)` runs to the end.
public final class BacktestSession<Script: BarScript> {
    public let bars: BacktestBars
    public let settings: BacktestSettings
    public let script: Script
    public let broker: Broker

    /// The index of the next script bar to process.
    @exclusivity(unchecked) public private(set) var nextIndex = 0
    /// One past the last script bar the run processes (bars at or after
    /// `tradeTo` are not fed).
    public let endIndex: Int
    @exclusivity(unchecked) public private(set) var counters = BacktestCounters()

    // The equity curve, one point per processed bar, written into buffers
    // the session allocates for the whole run and frees with it: a write
    // per bar is a store (an array would check its uniqueness on every
    // write). `curve` copies the points processed so far into arrays.
    private let equityPoints: UnsafeMutablePointer<Double>
    private let openProfitPoints: UnsafeMutablePointer<Double>
    private let inMarketPoints: UnsafeMutablePointer<Bool>
    /// The first bar close time at which orders take effect (`Int64.min`: always).
    private let tradeFromMs: Int64
    /// Margin requirements as fractions, times the point value.
    private let marginLong: Double
    private let marginShort: Double
    @exclusivity(unchecked) private var margin = MarginLine()

    // The bar columns, held directly (no struct copy per bar).
    let time: [Int64]
    let open: [Double]
    let high: [Double]
    let low: [Double]
    let close: [Double]
    let volume: [Double]
    let duration: Int64
    let processOnClose: Bool
    /// calc_on_order_fills: the script also runs where orders fill inside a bar.
    let recalculatesOnFills: Bool
    /// The price path of each bar, as the broker walks it.
    @exclusivity(unchecked) var path: BarPathFeed

    /// Prepares a run like `init(bars:settings:script:broker:)`.
    /// `syntheticView`: under the synthetic magnifier, the bars the script
    /// sees (`high`/`low` are the samples' extremes); a bar without pending
    /// orders then takes its extremes from it instead of sampling again.
    public convenience init(
        bars: BacktestBars, settings: BacktestSettings, script: Script, broker: Broker, syntheticView: BarStore?
    ) throws(BacktestError) {
        try self.init(bars: bars, settings: settings, script: script, broker: broker)
        if case .synthetic = settings.magnifier, let view = syntheticView, view.count == bars.count {
            path.viewHigh = view.high
            path.viewLow = view.low
        }
    }

    /// Prepares a run. Resets `broker` with `settings`. Throws when the
    /// magnifier cannot run on these bars or the window lies outside them.
    public init(bars: BacktestBars, settings: BacktestSettings, script: Script, broker: Broker) throws(BacktestError) {
        guard bars.count > 0 else { throw .noBars }
        if settings.properties.calcOnOrderFills {
            if settings.properties.processOrdersOnClose {
                throw .unsupportedFillRecalculation(FillRecalculation.refusedWithProcessOrdersOnClose)
            }
            if case .synthetic = settings.magnifier {
                throw .unsupportedFillRecalculation(FillRecalculation.refusedWithSyntheticMagnifier)
            }
        }
        switch settings.magnifier {
        case .off: break
        case .realBars: if !bars.hasSubBars { throw .realMagnifierNeedsSubBars }
        case .synthetic(let n, _): if n < 2 { throw .tooFewSamples(n) }
        }
        let times = bars.bars.time
        if let from = settings.tradeFrom, let last = times.last, from > last {
            throw .tradeWindowOutsideData("the window starts after the last bar")
        }
        var end = bars.count
        if let to = settings.tradeTo {
            if let from = settings.tradeFrom, to <= from {
                throw .tradeWindowOutsideData("the window ends before it starts")
            }
            guard to > times[0] else { throw .tradeWindowOutsideData("the window ends before the first bar") }
            var lo = 0
            var hi = bars.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if times[mid] < to { lo = mid + 1 } else { hi = mid }
            }
            end = lo
        }
        self.bars = bars
        self.settings = settings
        self.script = script
        self.broker = broker
        self.endIndex = end
        self.time = bars.bars.time
        self.open = bars.bars.open
        self.high = bars.bars.high
        self.low = bars.bars.low
        self.close = bars.bars.close
        self.volume = bars.bars.volume
        self.duration = settings.barDurationMs ?? BacktestSession.inferDuration(times)
        self.processOnClose = settings.properties.processOrdersOnClose
        self.recalculatesOnFills = settings.properties.calcOnOrderFills
        self.tradeFromMs = settings.tradeFrom ?? .min
        self.marginLong = settings.properties.marginLong / 100 * settings.symbol.pointValue
        self.marginShort = settings.properties.marginShort / 100 * settings.symbol.pointValue
        self.path = BarPathFeed(magnifier: settings.magnifier, bars: bars)
        broker.reset(settings: settings)
        equityPoints = .allocate(capacity: max(1, end))
        openProfitPoints = .allocate(capacity: max(1, end))
        inMarketPoints = .allocate(capacity: max(1, end))
    }

    deinit {
        equityPoints.deallocate()
        openProfitPoints.deallocate()
        inMarketPoints.deallocate()
    }

    /// The equity curve of the bars processed so far.
    public var curve: EquityCurve {
        var c = EquityCurve()
        let n = nextIndex
        c.time = n == time.count ? time : Array(time[0..<n])
        c.equity = Array(UnsafeBufferPointer(start: equityPoints, count: n))
        c.openProfit = Array(UnsafeBufferPointer(start: openProfitPoints, count: n))
        c.inMarket = Array(UnsafeBufferPointer(start: inMarketPoints, count: n))
        return c
    }

    /// The smallest positive gap between the first bars' times.
    static func inferDuration(_ times: [Int64]) -> Int64 {
        var best = Int64.max
        var i = 1
        while i < min(times.count, 1000) {
            let d = times[i] - times[i - 1]
            if d > 0 && d < best { best = d }
            i += 1
        }
        return best == Int64.max ? 0 : best
    }

    /// Processes the next script bar; nil when the run is over.
    public func next() throws -> BarStep? {
        guard nextIndex < endIndex else { return nil }
        let i = nextIndex
        nextIndex += 1
        let time = self.time[i]
        let closeTime = time + duration
        let input = BarInput(
            index: i, time: time, closeTime: closeTime, open: open[i], high: high[i], low: low[i], close: close[i],
            volume: volume[i], isLast: i == endIndex - 1, acceptsOrders: closeTime >= tradeFromMs,
            processOrdersOnClose: processOnClose, nextOpen: i + 1 < self.time.count ? self.time[i + 1] : closeTime)
        let step =
            recalculatesOnFills
            ? try FillRecalculation.processBar(input, bars: bars, broker: broker, counters: &counters, script: script)
            : try broker.processBar(input, path: &path, counters: &counters, script: script)
        equityPoints[i] = step.equity
        openProfitPoints[i] = step.openProfit
        let inMarket = broker.openTradesCount > 0
        inMarketPoints[i] = inMarket
        if inMarket { checkMargin(high: input.high, low: input.low, time: time) }
        counters.scriptBarsProcessed += 1
        return step
    }

    /// Counts a bar where, at its worst price for the open position (the low for a long,
    /// the high for a short; for a position opened on the bar's path before the margin
    /// check, the worst price it saw, as the check uses), the equity does not cover the
    /// position's margin
    /// (TradingView's margin-call test: available funds = equity - value x margin % < 0).
    /// Both are linear in the price, so the coefficients are rebuilt only when a trade
    /// opens or closes, or the currency rate changes.
    @inline(__always)
    private func checkMargin(high: Double, low: Double, time: Int64) {
        let key = broker.tradeSequence &* 1_000_003 &+ broker.closedTradesCount
        if key != margin.key || broker.currencyRate != margin.rate {
            margin = MarginLine(broker: broker, key: key, long: marginLong, short: marginShort)
        }
        let worst = broker.engine.worstPriceSeen(long: margin.isLong, high: high, low: low)
        let required = margin.requiredPerPrice * worst
        if margin.fixed + margin.equityPerPrice * worst - required < -1e-9 * max(1, required) {
            counters.marginShortfallBars += 1
            if counters.firstMarginShortfallTime == nil { counters.firstMarginShortfallTime = time }
        }
    }

    /// Runs the remaining bars. `onProgress` receives (bars done, bars total)
    /// about every 1% of the run.
    public func run(onProgress: ((Int, Int) -> Void)? = nil) throws -> BacktestReport {
        let total = endIndex
        let every = max(1, total / 100)
        while let step = try next() {
            if let onProgress, (step.bar.index + 1) % every == 0 || step.bar.index + 1 == total {
                onProgress(step.bar.index + 1, total)
            }
        }
        return report()
    }

    /// The report of the bars processed so far.
    public func report() -> BacktestReport {
        let store = bars.bars
        let last = max(0, nextIndex - 1)
        let curve = self.curve
        let metrics = Metrics(
            trades: broker.closedTrades, curve: curve, initialCapital: broker.initialCapital,
            firstOpen: store.open[0], lastClose: store.close[last], timezone: settings.timezone,
            riskFreeRate: settings.properties.riskFreeRate)
        return BacktestReport(
            trades: broker.closedTrades, openTrades: broker.openTrades, equityCurve: curve,
            counters: counters, metrics: metrics, initialCapital: broker.initialCapital)
    }
}
