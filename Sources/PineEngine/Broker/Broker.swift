/// TradingView's broker emulator: the orders a strategy places, the fills
/// along each bar's price path, the open and closed trades and the running
/// account state the script reads through `strategy.*`.
///
/// One broker belongs to one engine instance and is used from one thread.
/// `reset(settings:)` makes it reusable for the next run without
/// reallocating its storage. The bar loop (`BacktestSession`) drives the
/// fills; the script calls the order API (`entry`, `exit`, `close`, ...)
/// while it runs on a bar.
///
/// Its stored state opts out of Swift's dynamic exclusivity checks (they
/// cost more than the bar loop itself): the broker is confined to one
/// thread and never lends its storage out `inout` across a call.
public final class Broker {
    /// The settings of the current run.
    @exclusivity(unchecked) public private(set) var settings: BacktestSettings

    // Cached settings (no property chains on the hot path).
    @exclusivity(unchecked) var mintick: Double = 0.01
    @exclusivity(unchecked) var pointValue: Double = 1
    @exclusivity(unchecked) var lotStep: Double = .nan
    @exclusivity(unchecked) var slippagePrice: Double = 0
    @exclusivity(unchecked) var commissionType: CommissionType? = nil
    @exclusivity(unchecked) var commissionValue: Double = 0
    @exclusivity(unchecked) var maxEntries: Int = 1
    @exclusivity(unchecked) var closeRule: CloseEntriesRule = .fifo
    @exclusivity(unchecked) var allowEntryIn: AllowedDirection = .all
    @exclusivity(unchecked) var maxPositionSize: Double = .infinity

    /// Open entries, oldest first.
    @exclusivity(unchecked) public internal(set) var openTrades: [OpenTrade] = []
    /// Closed trades in closing order.
    @exclusivity(unchecked) public internal(set) var closedTrades: [ClosedTrade] = []
    /// Orders waiting for a fill, in placement order.
    @exclusivity(unchecked) var orders: [PendingOrder] = []
    @exclusivity(unchecked) var orderSequence = 0
    /// Sequence of the latest order filled on the current bar (-1: none).
    @exclusivity(unchecked) var lastFillSequence = -1
    @exclusivity(unchecked) var tradeSequence = 0
    /// The magnifier's partial bar: the bar's open and the running high and
    /// low of the samples walked so far (see `walkSample(to:)`).
    @exclusivity(unchecked) var sampleOpen: Double = .nan
    @exclusivity(unchecked) var sampleHigh: Double = .nan
    @exclusivity(unchecked) var sampleLow: Double = .nan
    /// True with the magnifier: excursions follow every point walked.
    /// Without it they follow the reference engine's bar model: the bar's
    /// high, low and close once the path is walked (`reachExtremes`), an
    /// entry bar's extremes masked by where the fill lies on the bar's
    /// path, and an exit bar folded in when a priced order closes a trade
    /// (see `closeTrades`).
    @exclusivity(unchecked) var pathExcursions = false
    /// The bar walked without the magnifier (`openBar`).
    @exclusivity(unchecked) var barOpen: Double = .nan
    @exclusivity(unchecked) var barHigh: Double = .nan
    @exclusivity(unchecked) var barLow: Double = .nan
    @exclusivity(unchecked) var barClose: Double = .nan
    /// The bar on which a priced entry filled with a masked extreme (-1: none).
    @exclusivity(unchecked) var maskedEntryBar = -1
    /// While a priced order (stop, limit, trailing stop) executes: true,
    /// and the trailing stop's best price when the trail filled (NaN otherwise).
    @exclusivity(unchecked) var pricedFill = false
    @exclusivity(unchecked) var pricedFillTrailPeak: Double = .nan

    /// The script bar being processed (0-based) and its open time.
    @exclusivity(unchecked) public internal(set) var barIndex = 0
    @exclusivity(unchecked) public internal(set) var barTime: Int64 = 0
    /// The latest price seen: the bar's close while the script runs.
    @exclusivity(unchecked) public internal(set) var markPrice: Double = .nan
    /// False while the bar closes before the trade window: order commands
    /// (entry, order, exit, close, close_all) are then ignored.
    @exclusivity(unchecked) public internal(set) var acceptsOrders = true

    /// Sum of closed trades' P&L (`strategy.netprofit`).
    @exclusivity(unchecked) public internal(set) var netProfit: Double = 0
    /// `strategy.grossprofit` / `strategy.grossloss` (a positive amount).
    @exclusivity(unchecked) public internal(set) var grossProfit: Double = 0
    @exclusivity(unchecked) public internal(set) var grossLoss: Double = 0
    @exclusivity(unchecked) public internal(set) var winTrades = 0
    @exclusivity(unchecked) public internal(set) var lossTrades = 0
    @exclusivity(unchecked) public internal(set) var evenTrades = 0
    /// The largest equity drawdown so far (`strategy.max_drawdown`, money).
    @exclusivity(unchecked) public internal(set) var maxDrawdown: Double = 0
    /// The largest equity run-up so far (`strategy.max_runup`, money).
    @exclusivity(unchecked) public internal(set) var maxRunup: Double = 0
    /// The largest drawdown as a percent of the peak it fell from
    /// (`strategy.max_drawdown_percent`), and the largest run-up as a percent
    /// of the trough it rose from (`strategy.max_runup_percent`).
    @exclusivity(unchecked) public internal(set) var maxDrawdownPercent: Double = 0
    @exclusivity(unchecked) public internal(set) var maxRunupPercent: Double = 0
    // strategy.risk.* state.
    @exclusivity(unchecked) var riskDrawdownLimit: Double = 0
    @exclusivity(unchecked) var riskDrawdownIsPercent = false
    @exclusivity(unchecked) var riskIntradayLimit: Double = 0
    @exclusivity(unchecked) var riskIntradayIsPercent = false
    @exclusivity(unchecked) var riskHalted = false
    @exclusivity(unchecked) var riskHaltedDay = Int64.min
    @exclusivity(unchecked) var currentDay = Int64.min
    @exclusivity(unchecked) var dayStartEquity: Double = .nan
    @exclusivity(unchecked) var lastEquity: Double = .nan
    @exclusivity(unchecked) var equityPeak: Double = .nan
    @exclusivity(unchecked) var equityTrough: Double = .nan

    /// Creates a broker for the given settings.
    public init(settings: BacktestSettings = BacktestSettings()) {
        self.settings = settings
        reset(settings: settings)
    }

    /// Clears every order, trade and statistic and adopts new settings,
    /// keeping the allocated storage.
    public func reset(settings: BacktestSettings) {
        self.settings = settings
        let p = settings.properties
        mintick = settings.symbol.mintick > 0 ? settings.symbol.mintick : 0.01
        pointValue = settings.symbol.pointValue
        if let step = settings.symbol.lotStep, step > 0 { lotStep = step } else { lotStep = .nan }
        slippagePrice = Double(p.slippage) * mintick
        commissionType = p.commissionValue == 0 ? nil : p.commissionType
        commissionValue = p.commissionValue
        maxEntries = p.maxEntriesPerDirection
        closeRule = p.closeEntriesRule
        allowEntryIn = p.allowEntryIn
        maxPositionSize = p.maxPositionSize ?? .infinity
        openTrades.removeAll(keepingCapacity: true)
        closedTrades.removeAll(keepingCapacity: true)
        orders.removeAll(keepingCapacity: true)
        orderSequence = 0
        lastFillSequence = -1
        if case .off = settings.magnifier { pathExcursions = false } else { pathExcursions = true }
        maskedEntryBar = -1
        pricedFill = false
        pricedFillTrailPeak = .nan
        tradeSequence = 0
        barIndex = 0
        barTime = 0
        markPrice = .nan
        acceptsOrders = true
        netProfit = 0
        grossProfit = 0
        grossLoss = 0
        winTrades = 0
        lossTrades = 0
        evenTrades = 0
        maxDrawdown = 0
        maxRunup = 0
        maxDrawdownPercent = 0
        maxRunupPercent = 0
        equityPeak = .nan
        equityTrough = .nan
        riskDrawdownLimit = 0
        riskDrawdownIsPercent = false
        riskIntradayLimit = 0
        riskIntradayIsPercent = false
        riskHalted = false
        riskHaltedDay = .min
        currentDay = .min
        dayStartEquity = .nan
        lastEquity = .nan
    }

    // MARK: - State the script reads

    /// `strategy.initial_capital`.
    public var initialCapital: Double { settings.properties.initialCapital }

    /// `strategy.position_size`: positive long, negative short, 0 flat.
    public var positionSize: Double {
        var size = 0.0
        for t in openTrades { size += t.qty * t.direction.sign }
        return size
    }

    /// The direction of the open position, nil when flat.
    public var positionDirection: TradeDirection? { openTrades.first?.direction }

    /// `strategy.position_avg_price`: the quantity-weighted entry price, NaN when flat.
    public var positionAvgPrice: Double {
        guard let first = openTrades.first else { return .nan }
        if openTrades.count == 1 { return first.entryPrice }
        var value = 0.0
        var qty = 0.0
        for t in openTrades {
            value += t.entryPrice * t.qty
            qty += t.qty
        }
        return qty > 0 ? value / qty : .nan
    }

    /// `strategy.position_entry_name`: the id of the first open entry ("" when flat).
    public var positionEntryName: String { openTrades.first?.entryId ?? "" }

    /// `strategy.openprofit`: the open trades' profit at the current price, before commissions.
    public var openProfit: Double { openProfit(at: markPrice) }

    /// The open trades' profit at `price`, before commissions.
    public func openProfit(at price: Double) -> Double {
        var sum = 0.0
        for k in openTrades.indices {
            sum += (price - openTrades[k].entryPrice) * openTrades[k].qty * pointValue * openTrades[k].direction.sign
        }
        return sum
    }

    /// `strategy.equity`: initial capital + net profit + open profit.
    public var equity: Double { initialCapital + netProfit + openProfit }

    /// `strategy.opentrades`.
    public var openTradesCount: Int { openTrades.count }
    /// `strategy.closedtrades`.
    public var closedTradesCount: Int { closedTrades.count }

    // MARK: - strategy.opentrades.*(i) / strategy.closedtrades.*(i)

    /// The open trade at `index` (0 = oldest), nil when out of range.
    public func openTrade(_ index: Int) -> OpenTrade? {
        index >= 0 && index < openTrades.count ? openTrades[index] : nil
    }

    /// The closed trade at `index` (0 = first closed), nil when out of range.
    public func closedTrade(_ index: Int) -> ClosedTrade? {
        index >= 0 && index < closedTrades.count ? closedTrades[index] : nil
    }

    /// `strategy.opentrades.profit(i)`: open profit of one entry net of its entry commission.
    public func openTradeProfit(_ index: Int) -> Double {
        guard let t = openTrade(index) else { return .nan }
        return t.profit(at: markPrice, pointValue: pointValue) - t.entryCommission
    }

    /// `strategy.opentrades.max_runup(i)` (money).
    public func openTradeMaxRunup(_ index: Int) -> Double {
        openTrade(index)?.maxRunup(pointValue: pointValue) ?? .nan
    }

    /// `strategy.opentrades.max_drawdown(i)` (money, positive).
    public func openTradeMaxDrawdown(_ index: Int) -> Double {
        openTrade(index)?.maxDrawdown(pointValue: pointValue) ?? .nan
    }

    /// The rest of a bar's path when no order is pending (and, without the
    /// magnifier, the end of every bar's path): the open trades' best and
    /// worst prices take in the bar's extremes (the order they come in does
    /// not matter without fills) and the price ends at the close.
    @inline(__always)
    public func reachExtremes(high: Double, low: Double, close: Double) {
        if maskedEntryBar == barIndex {
            reachMaskedExtremes(high: high, low: low, close: close)
            return
        }
        for i in openTrades.indices { extendExcursion(i, high: high, low: low) }
        markPrice = close
    }

    /// Open trade `i`'s best and worst prices take in a range of prices.
    @inline(__always)
    func extendExcursion(_ i: Int, high: Double, low: Double) {
        if openTrades[i].direction == .long {
            if high > openTrades[i].bestPrice { openTrades[i].bestPrice = high }
            if low < openTrades[i].worstPrice { openTrades[i].worstPrice = low }
        } else {
            if low < openTrades[i].bestPrice { openTrades[i].bestPrice = low }
            if high > openTrades[i].worstPrice { openTrades[i].worstPrice = high }
        }
    }

    /// `reachExtremes` on a bar where a priced entry filled after the path
    /// had passed one of the bar's extremes: that extreme does not count for
    /// the entry, the close does.
    func reachMaskedExtremes(high: Double, low: Double, close: Double) {
        for i in openTrades.indices {
            let onEntryBar = openTrades[i].entryBar == barIndex
            let h = onEntryBar && openTrades[i].entryMask.contains(.high) ? close : high
            let l = onEntryBar && openTrades[i].entryMask.contains(.low) ? close : low
            extendExcursion(i, high: h, low: l)
        }
        markPrice = close
    }

    /// True with no pending order and no open trade: the bar's path can be skipped.
    @inline(__always) public var isIdle: Bool { orders.isEmpty && openTrades.isEmpty }

    // MARK: - Helpers

    /// The commission of one fill.
    @inline(__always)
    func commission(price: Double, qty: Double) -> Double {
        guard let type = commissionType else { return 0 }
        switch type {
        case .percent: return price * qty * pointValue * commissionValue / 100
        case .cashPerOrder: return commissionValue
        case .cashPerContract: return commissionValue * qty
        }
    }

    /// A fill price snapped to the tick grid in the trader's disfavour.
    @inline(__always)
    func snap(_ price: Double, buying: Bool) -> Double {
        let ticks = price / mintick
        return buying ? (ticks - 1e-9).rounded(.up) * mintick : (ticks + 1e-9).rounded(.down) * mintick
    }

    /// A stop/limit level: exactly a tick when it is one up to float error.
    @inline(__always)
    func normalizedLevel(_ level: Double) -> Double {
        let ticks = level / mintick
        let r = ticks.rounded()
        return abs(ticks - r) < 1e-9 ? r * mintick : level
    }

    /// A quantity floored to the lot step when one is set.
    @inline(__always)
    func floorToLot(_ qty: Double) -> Double {
        guard !lotStep.isNaN else { return qty }
        return (qty / lotStep + 1e-9).rounded(.down) * lotStep
    }
}
