import PFData

/// What one step of a `BacktestSession` produced.
public struct BarStep: Sendable {
    /// The script bar just processed.
    public var bar: ScriptBar
    /// The indices in `broker.closedTrades` of the trades closed on this bar.
    public var closedTradeRange: Range<Int>
    /// Equity and open profit at the bar's close.
    public var equity: Double
    public var openProfit: Double
}

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

    // The equity curve, one point per processed bar, written in place (no
    // growth checks per bar); `curve` gives it as arrays.
    private let equityPoints: UnsafeMutablePointer<Double>
    private let openProfitPoints: UnsafeMutablePointer<Double>
    private let inMarketPoints: UnsafeMutablePointer<Bool>
    /// The first bar close time at which orders take effect (`Int64.min`: always).
    private let tradeFromMs: Int64
    /// Margin requirements as fractions, times the point value.
    private let marginLong: Double
    private let marginShort: Double
    private var margin = MarginLine()

    // The bar columns, held directly (no struct copy per bar).
    let time: [Int64]
    let open: [Double]
    let high: [Double]
    let low: [Double]
    let close: [Double]
    let volume: [Double]
    let duration: Int64
    let processOnClose: Bool
    @exclusivity(unchecked) var samples: [Double] = []
    /// The synthetic view's highs and lows (empty: sample every bar).
    private var viewHigh: [Double] = []
    private var viewLow: [Double] = []

    /// Prepares a run like `init(bars:settings:script:broker:)`.
    /// `syntheticView`: under the synthetic magnifier, the bars the script
    /// sees (`high`/`low` are the samples' extremes); a bar without pending
    /// orders then takes its extremes from it instead of sampling again.
    public convenience init(
        bars: BacktestBars, settings: BacktestSettings, script: Script, broker: Broker, syntheticView: BarStore?
    ) throws(BacktestError) {
        try self.init(bars: bars, settings: settings, script: script, broker: broker)
        if case .synthetic = settings.magnifier, let view = syntheticView, view.count == bars.count {
            viewHigh = view.high
            viewLow = view.low
        }
    }

    /// Prepares a run. Resets `broker` with `settings`. Throws when the
    /// magnifier cannot run on these bars or the window lies outside them.
    public init(bars: BacktestBars, settings: BacktestSettings, script: Script, broker: Broker) throws(BacktestError) {
        guard bars.count > 0 else { throw .noBars }
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
        self.tradeFromMs = settings.tradeFrom ?? .min
        self.marginLong = settings.properties.marginLong / 100 * settings.symbol.pointValue
        self.marginShort = settings.properties.marginShort / 100 * settings.symbol.pointValue
        broker.reset(settings: settings)
        equityPoints = .allocate(capacity: max(1, end))
        openProfitPoints = .allocate(capacity: max(1, end))
        inMarketPoints = .allocate(capacity: max(1, end))
        if case .synthetic(let n, _) = settings.magnifier { samples.reserveCapacity(n) }
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
        c.time = Array(time[0..<n])
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
        let o = open[i]
        let hi = high[i]
        let lo = low[i]
        let c = close[i]
        let closeTime = time + duration
        broker.beginBar(index: i, time: time, acceptsOrders: closeTime >= tradeFromMs)
        let before = broker.closedTrades.count
        let (h, l) = walkPath(index: i, open: o, high: hi, low: lo, close: c)
        broker.mark(c)
        let bar = ScriptBar(
            index: i, time: time, closeTime: closeTime, open: o, high: h, low: l, close: c,
            volume: volume[i], isLast: i == endIndex - 1)
        try script.onBar(bar, broker: broker)
        if processOnClose { broker.fillMarketOrdersOnClose() }
        let (eq, op) = broker.closeBar()
        equityPoints[i] = eq
        openProfitPoints[i] = op
        inMarketPoints[i] = !broker.openTrades.isEmpty
        if !broker.openTrades.isEmpty { checkMargin(high: hi, low: lo, time: time) }
        counters.scriptBarsProcessed += 1
        return BarStep(bar: bar, closedTradeRange: before..<broker.closedTrades.count, equity: eq, openProfit: op)
    }

    /// Counts a bar where, at its worst price for the open position (the low for a long,
    /// the high for a short), the equity does not cover the position's margin
    /// (TradingView's margin-call test: available funds = equity - value x margin % < 0).
    /// Both are linear in the price, so the coefficients are rebuilt only when a trade
    /// opens or closes.
    @inline(__always)
    private func checkMargin(high: Double, low: Double, time: Int64) {
        let key = broker.tradeSequence &* 1_000_003 &+ broker.closedTrades.count
        if key != margin.key { margin = MarginLine(broker: broker, key: key, long: marginLong, short: marginShort) }
        let worst = margin.isLong ? low : high
        let required = margin.requiredPerPrice * worst
        if margin.fixed + margin.equityPerPrice * worst - required < -1e-9 * max(1, required) {
            counters.marginShortfallBars += 1
            if counters.firstMarginShortfallTime == nil { counters.firstMarginShortfallTime = time }
        }
    }

    /// Feeds the broker the bar's price path. Returns the bar's high and low
    /// as the script sees them: with the synthetic magnifier, the extremes
    /// of the samples (a bar built from its ticks).
    @inline(__always)
    func walkPath(index i: Int, open o: Double, high h: Double, low l: Double, close c: Double) -> (Double, Double) {
        switch settings.magnifier {
        case .off:
            broker.openBar(open: o, high: h, low: l, close: c)
            if broker.isIdle { return (h, l) }
            if !broker.orders.isEmpty {
                let (e1, e2) = PricePath.extremes(open: o, high: h, low: l)
                broker.walk(to: e1)
                broker.walk(to: e2)
                broker.walk(to: c)
            }
            // The open trades' excursions take in the bar (the fills took
            // in what they close).
            broker.reachExtremes(high: h, low: l, close: c)
            return (h, l)
        case .realBars:
            guard let sub = bars.subBars else { return (h, l) }
            let start = bars.subBarStart[i]
            let end = i + 1 < bars.subBarStart.count ? bars.subBarStart[i + 1] : bars.subBarEnd
            counters.magnifierSubBars += end - start
            counters.magnifierSampleTicks += 4 * (end - start)
            if start < end {
                broker.open(at: sub.open[start])
                if broker.orders.isEmpty {
                    // Nothing can fill: only the excursions move, to the sub-bars' extremes.
                    var sh = sub.high[start]
                    var sl = sub.low[start]
                    for k in start..<end {
                        sh = max(sh, sub.high[k])
                        sl = min(sl, sub.low[k])
                    }
                    broker.reachExtremes(high: sh, low: sl, close: c)
                    return (h, l)
                }
            }
            for k in start..<end {
                let so = sub.open[k]
                if k > start { broker.jump(to: so) }
                if broker.isIdle { continue }
                let (e1, e2) = PricePath.extremes(open: so, high: sub.high[k], low: sub.low[k])
                broker.walkSample(to: e1)
                broker.walkSample(to: e2)
                broker.walkSample(to: sub.close[k])
            }
            broker.mark(c)
            return (h, l)
        case .synthetic(let n, let distribution):
            counters.magnifierSampleTicks += n
            if broker.orders.isEmpty && i < viewHigh.count {
                // Nothing can fill: the excursions move to the samples' extremes, which
                // the script's view of the bar already holds.
                let sh = viewHigh[i]
                let sl = viewLow[i]
                broker.open(at: o)
                if !broker.isIdle { broker.reachExtremes(high: sh, low: sl, close: c) }
                return (sh, sl)
            }
            let (e1, e2) = PricePath.extremes(open: o, high: h, low: l)
            PricePath.samples(open: o, e1: e1, e2: e2, close: c, count: n, distribution: distribution, into: &samples)
            var sh = samples[0]
            var sl = samples[0]
            for p in samples {
                sh = max(sh, p)
                sl = min(sl, p)
            }
            broker.open(at: samples[0])
            if broker.isIdle { return (sh, sl) }
            if broker.orders.isEmpty, let last = samples.last {
                // Nothing can fill: only the excursions move, to the samples' extremes.
                broker.reachExtremes(high: sh, low: sl, close: last)
                return (sh, sl)
            }
            for k in 1..<samples.count { broker.walkSample(to: samples[k]) }
            return (sh, sl)
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

/// The run-to-end form of a backtest.
public enum Backtest {
    /// Runs `script` over `bars` with `settings` and returns the report.
    /// `broker` is reset and reused when given (one per engine instance).
    public static func run<Script: BarScript>(
        bars: BacktestBars, settings: BacktestSettings, script: Script, broker: Broker? = nil,
        onProgress: ((Int, Int) -> Void)? = nil
    ) throws -> BacktestReport {
        let session = try BacktestSession(
            bars: bars, settings: settings, script: script, broker: broker ?? Broker(settings: settings))
        return try session.run(onProgress: onProgress)
    }

    /// Runs over a plain bar store (no real-bar magnifier).
    public static func run<Script: BarScript>(
        bars: BarStore, settings: BacktestSettings, script: Script, broker: Broker? = nil,
        onProgress: ((Int, Int) -> Void)? = nil
    ) throws -> BacktestReport {
        try run(bars: BacktestBars(bars: bars), settings: settings, script: script, broker: broker, onProgress: onProgress)
    }
}

/// Equity and margin requirement of the open position as lines in the price:
/// equity(p) = fixed + equityPerPrice * p, required(p) = requiredPerPrice * p.
struct MarginLine {
    var key = -1
    var isLong = true
    var fixed = 0.0
    var equityPerPrice = 0.0
    var requiredPerPrice = 0.0

    init() {}

    init(broker: Broker, key: Int, long marginLong: Double, short marginShort: Double) {
        self.key = key
        let trades = broker.openTrades
        isLong = trades.first?.direction != .short
        fixed = broker.initialCapital + broker.netProfit
        for k in trades.indices {
            let qty = trades[k].qty
            let sign = trades[k].direction.sign
            fixed -= trades[k].entryPrice * qty * broker.pointValue * sign
            equityPerPrice += qty * broker.pointValue * sign
            requiredPerPrice += qty * (trades[k].direction == .long ? marginLong : marginShort)
        }
    }
}
