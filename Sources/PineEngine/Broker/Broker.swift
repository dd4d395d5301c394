/// The broker emulator of one engine instance: the strategy's orders, their
/// fills along each bar's price path, the open and closed trades and the
/// account state the script reads through `strategy.*`.
///
/// It composes value types with one owner each: the fill engine (which
/// owns the order book and the trade ledger), the risk rules and the
/// equity record. The bar loop (`BacktestSession`) makes one call per bar,
/// `processBar`, which walks the bar's price path, runs the script on the
/// close (the script places orders through `entry`, `exit`, `close`, ...)
/// and records the bar's equity.
///
/// One broker is used from one thread. `reset(settings:)` makes it
/// reusable for the next run without reallocating its storage. Its few
/// stored properties opt out of dynamic exclusivity checks: every access
/// is one call on a value type that does not call back into the broker.
public final class Broker {
    /// The settings of the current run.
    @exclusivity(unchecked) public private(set) var settings: BacktestSettings
    /// The fill engine: order book, trade ledger and the path being walked.
    @exclusivity(unchecked) var engine = FillEngine()
    /// `strategy.risk.max_drawdown` / `max_intraday_loss`.
    @exclusivity(unchecked) var risk = RiskRules()
    /// The equity record (`strategy.max_drawdown`, ...).
    @exclusivity(unchecked) var equityRecord = EquityTracker()
    /// False while the bar closes before the trade window, or a risk rule
    /// halted trading: order commands (entry, order, exit, close,
    /// close_all) are then ignored.
    @exclusivity(unchecked) public internal(set) var acceptsOrders = true
    /// `strategy.initial_capital`.
    @exclusivity(unchecked) public private(set) var initialCapital: Double

    /// Creates a broker for the given settings.
    public init(settings: BacktestSettings = BacktestSettings()) {
        self.settings = settings
        self.initialCapital = settings.properties.initialCapital
        reset(settings: settings)
    }

    /// Clears every order, trade and statistic and adopts new settings,
    /// keeping the allocated storage.
    public func reset(settings: BacktestSettings) {
        self.settings = settings
        initialCapital = settings.properties.initialCapital
        engine.reset(settings: settings)
        risk = RiskRules(timezone: settings.timezone)
        equityRecord = EquityTracker()
        acceptsOrders = true
    }

    // MARK: - State the script reads

    /// Open entries, oldest first.
    public var openTrades: [OpenTrade] { engine.ledger.openTrades }
    /// Closed trades in closing order.
    public var closedTrades: [ClosedTrade] { engine.ledger.closedTrades }
    /// The script bar being processed (0-based) and its open time.
    public var barIndex: Int { engine.clock.index }
    public var barTime: Int64 { engine.clock.time }
    /// The latest price seen: the bar's close while the script runs.
    public var markPrice: Double { engine.markPrice }
    /// Units of the strategy's currency per unit of the symbol's on the
    /// current bar (1 when they are the same money): `strategy.convert_to_account`.
    public var currencyRate: Double { engine.ledger.rate }
    /// The instrument's point value.
    var pointValue: Double { engine.rules.pointValue }
    /// The number of entries opened so far (a new one changes it).
    var tradeSequence: Int { engine.ledger.tradeSequence }

    /// Sum of closed trades' P&L (`strategy.netprofit`).
    public var netProfit: Double { engine.ledger.netProfit }
    /// `strategy.grossprofit` / `strategy.grossloss` (a positive amount).
    public var grossProfit: Double { engine.ledger.grossProfit }
    public var grossLoss: Double { engine.ledger.grossLoss }
    public var winTrades: Int { engine.ledger.winTrades }
    public var lossTrades: Int { engine.ledger.lossTrades }
    public var evenTrades: Int { engine.ledger.evenTrades }
    /// The largest equity drawdown so far (`strategy.max_drawdown`, money).
    public var maxDrawdown: Double { equityRecord.maxDrawdown }
    /// The largest equity run-up so far (`strategy.max_runup`, money).
    public var maxRunup: Double { equityRecord.maxRunup }
    /// The largest drawdown as a percent of the peak it fell from
    /// (`strategy.max_drawdown_percent`), and the largest run-up as a percent
    /// of the trough it rose from (`strategy.max_runup_percent`).
    public var maxDrawdownPercent: Double { equityRecord.maxDrawdownPercent }
    public var maxRunupPercent: Double { equityRecord.maxRunupPercent }

    /// `strategy.position_size`: positive long, negative short, 0 flat.
    public var positionSize: Double { engine.ledger.positionSize }

    /// The direction of the open position, nil when flat.
    public var positionDirection: TradeDirection? { engine.ledger.direction }

    /// `strategy.position_avg_price`: the quantity-weighted entry price, NaN when flat.
    public var positionAvgPrice: Double {
        let trades = engine.ledger.openTrades
        guard let first = trades.first else { return .nan }
        if trades.count == 1 { return first.entryPrice }
        var value = 0.0
        var qty = 0.0
        for t in trades {
            value += t.entryPrice * t.qty
            qty += t.qty
        }
        return qty > 0 ? value / qty : .nan
    }

    /// `strategy.position_entry_name`: the id of the first open entry ("" when flat).
    public var positionEntryName: String { engine.ledger.openTrades.first?.entryId ?? "" }

    /// `strategy.openprofit`: the open trades' profit at the current price, before commissions.
    public var openProfit: Double { openProfit(at: engine.markPrice) }

    /// The open trades' profit at `price`, before commissions.
    @inline(__always)
    public func openProfit(at price: Double) -> Double {
        engine.openProfit(at: price)
    }

    /// `strategy.equity`: initial capital + net profit + open profit.
    public var equity: Double { initialCapital + netProfit + openProfit }

    /// `strategy.opentrades`.
    public var openTradesCount: Int { engine.ledger.openTrades.count }
    /// `strategy.closedtrades`.
    public var closedTradesCount: Int { engine.ledger.closedTrades.count }
    /// `strategy.max_contracts_held_long`: the largest long position held so far, in contracts.
    public var maxContractsHeldLong: Double { engine.ledger.maxHeldLong }
    /// `strategy.max_contracts_held_short`: the largest short position held so far, in contracts.
    public var maxContractsHeldShort: Double { engine.ledger.maxHeldShort }

    /// True while a risk rule keeps the strategy from placing orders.
    public var isHaltedByRisk: Bool { risk.isHalted || engine.fillLimitReached }

    // MARK: - strategy.opentrades.*(i) / strategy.closedtrades.*(i)

    /// The open trade at `index` (0 = oldest), nil when out of range.
    public func openTrade(_ index: Int) -> OpenTrade? {
        let trades = engine.ledger.openTrades
        return index >= 0 && index < trades.count ? trades[index] : nil
    }

    /// The closed trade at `index` (0 = first closed), nil when out of range.
    public func closedTrade(_ index: Int) -> ClosedTrade? {
        let trades = engine.ledger.closedTrades
        return index >= 0 && index < trades.count ? trades[index] : nil
    }

    /// `strategy.opentrades.profit(i)`: open profit of one entry net of its
    /// entry commission (in the strategy's currency, at the current bar's rate).
    public func openTradeProfit(_ index: Int) -> Double {
        guard let t = openTrade(index) else { return .nan }
        return t.profit(at: markPrice, pointValue: pointValue) * currencyRate - t.entryCommission
    }

    /// `strategy.opentrades.max_runup(i)` (money).
    public func openTradeMaxRunup(_ index: Int) -> Double {
        openTrade(index)?.maxRunup(pointValue: pointValue) ?? .nan
    }

    /// `strategy.opentrades.max_drawdown(i)` (money, positive).
    public func openTradeMaxDrawdown(_ index: Int) -> Double {
        openTrade(index)?.maxDrawdown(pointValue: pointValue) ?? .nan
    }
}
