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

    /// The open profit at `price`, before commissions.
    @inlinable public func profit(at price: Double, pointValue: Double) -> Double {
        (price - entryPrice) * qty * pointValue * direction.sign
    }

    /// Best open profit so far, net of the entry commission (money).
    public func maxRunup(pointValue: Double) -> Double {
        max(0, (bestPrice - entryPrice) * direction.sign * qty * pointValue - entryCommission)
    }

    /// Worst open loss so far as a positive amount, including the entry commission.
    public func maxDrawdown(pointValue: Double) -> Double {
        (entryPrice - worstPrice) * direction.sign * qty * pointValue + entryCommission
    }
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
