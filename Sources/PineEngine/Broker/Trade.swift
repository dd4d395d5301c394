/// The side of a position or an order.
public enum TradeDirection: Int8, Sendable, Hashable, CustomStringConvertible {
    case long = 1
    case short = -1

    /// +1 for long, -1 for short.
    @inlinable public var sign: Double { self == .long ? 1 : -1 }

    /// The other side.
    @inlinable public var opposite: TradeDirection { self == .long ? .short : .long }

    /// `long` / `short`, as the trade list writes it.
    public var description: String { self == .long ? "long" : "short" }
}

/// A set of a bar's extremes.
struct ExtremeMask: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let high = ExtremeMask(rawValue: 1)
    static let low = ExtremeMask(rawValue: 2)
}

/// A position entry that is still open (one row of `strategy.opentrades`).
public struct OpenTrade: Sendable, Hashable {
    public var direction: TradeDirection
    public var entryId: String
    public var entryComment: String?
    public var entryPrice: Double
    public var entryTime: Int64
    /// 0-based script bar index of the entry fill.
    public var entryBar: Int
    public var qty: Double
    /// Commission paid on the entry fill (for the quantity still open).
    public var entryCommission: Double
    /// The most favourable and most adverse price seen since the entry fill.
    public var bestPrice: Double
    public var worstPrice: Double
    /// Monotonic entry sequence number (FIFO order).
    public var sequence: Int
    /// The extremes of the entry bar that do not count for this trade's
    /// excursions (reached on the bar's path before a priced fill).
    var entryMask: ExtremeMask = []
    /// Units of the strategy's currency per unit of the symbol's on the
    /// entry bar, and on the bars where the best and the worst price were
    /// reached (1 when the two currencies are the same money).
    public var entryRate: Double = 1
    public var bestRate: Double = 1
    public var worstRate: Double = 1

    /// The open profit at `price`, before commissions, in the symbol's currency.
    @inlinable public func profit(at price: Double, pointValue: Double) -> Double {
        (price - entryPrice) * qty * pointValue * direction.sign
    }

    /// Best open profit so far, net of the entry commission (the strategy's
    /// currency: the profit at the rate of the bar of the best price).
    public func maxRunup(pointValue: Double) -> Double {
        max(0, (bestPrice - entryPrice) * direction.sign * qty * pointValue * bestRate - entryCommission)
    }

    /// Worst open loss so far as a positive amount, including the entry
    /// commission (the strategy's currency: the loss at the rate of the bar
    /// of the worst price).
    public func maxDrawdown(pointValue: Double) -> Double {
        (entryPrice - worstPrice) * direction.sign * qty * pointValue * worstRate + entryCommission
    }

    /// The entry's cost in the strategy's currency at the entry bar's rate
    /// (the base of the percent values), without the point value.
    @inlinable public var entryCost: Double { entryPrice * qty * entryRate }
}

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
    /// Units of the strategy's currency per unit of the symbol's on the
    /// entry bar (1 when the two currencies are the same money).
    public var entryRate: Double = 1

    /// The entry's cost in the strategy's currency at the entry bar's rate
    /// (the base of the percent values), without the point value.
    @inlinable public var entryCost: Double { entryPrice * qty * entryRate }

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
