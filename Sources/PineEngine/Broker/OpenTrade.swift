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
    /// (the base of the percent values): price x quantity x point value x rate.
    @inlinable public func entryCost(pointValue: Double) -> Double { entryPrice * qty * pointValue * entryRate }
}
