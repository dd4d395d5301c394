/// A closed trade: one row of the trade list.
public struct ClosedTrade: Sendable, Hashable {
    public var direction: TradeDirection
    public var entryId: String
    public var exitId: String
    public var entryComment: String?
    public var exitComment: String?
    public var entryTime: Int64
    public var exitTime: Int64
    public var entryPrice: Double
    public var exitPrice: Double
    public var entryBar: Int
    public var exitBar: Int
    public var qty: Double
    /// P&L net of the entry and exit commissions (money).
    public var pnl: Double
    /// pnl / (entry price * qty * point value) * 100.
    public var pnlPercent: Double
    /// Entry plus exit commission.
    public var commission: Double
    /// Best open profit reached during the trade, net of the entry commission.
    public var maxRunup: Double
    /// Worst open loss reached during the trade (positive), including the entry commission.
    public var maxDrawdown: Double
    /// The entry's cost in the strategy's currency at the entry bar's rate
    /// (the base of the percent values): entry price x quantity x point
    /// value x rate; nan when not known.
    public var entryCost: Double = .nan

    public init(
        direction: TradeDirection, entryId: String, exitId: String, entryComment: String?,
        exitComment: String?, entryTime: Int64, exitTime: Int64, entryPrice: Double, exitPrice: Double,
        entryBar: Int, exitBar: Int, qty: Double, pnl: Double, pnlPercent: Double, commission: Double,
        maxRunup: Double, maxDrawdown: Double
    ) {
        self.direction = direction
        self.entryId = entryId
        self.exitId = exitId
        self.entryComment = entryComment
        self.exitComment = exitComment
        self.entryTime = entryTime
        self.exitTime = exitTime
        self.entryPrice = entryPrice
        self.exitPrice = exitPrice
        self.entryBar = entryBar
        self.exitBar = exitBar
        self.qty = qty
        self.pnl = pnl
        self.pnlPercent = pnlPercent
        self.commission = commission
        self.maxRunup = maxRunup
        self.maxDrawdown = maxDrawdown
    }
}
