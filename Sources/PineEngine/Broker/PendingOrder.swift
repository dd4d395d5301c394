/// An order waiting for its fill. Prices are NaN when not given. Its
/// strings are labels of the book's `OrderLabels`, so an order is a plain
/// value (the book copies and moves many of them on every bar); the small
/// fields come first so that it packs tightly.
struct PendingOrder: Sendable {
    var kind: OrderKind
    /// The order's id (for `close`: the entry id to close; empty with `closeAll`).
    var id: OrderLabel
    /// For entry/order: the side bought (long) or sold (short). For exit and
    /// close: the side of the trades being closed.
    var direction: TradeDirection
    /// A stop-limit entry whose stop has been touched becomes a limit order.
    var stopTriggered = false
    var ocaType: OCAType = .none
    /// Exit: true once the exit is bound to one open trade (one entry fill);
    /// an attached exit is removed when the position of its entry is gone.
    var attached = false
    /// Exit: true once the trailing stop is armed.
    var trailActive = false
    /// `strategy.close_all`.
    var closeAll = false
    /// Exit, not bound: it stays waiting after it binds, for the trades
    /// opened later that it covers (every trade until the position closes
    /// without `from_entry`; with one, the fills of entry orders of that id
    /// pending when it was placed).
    var keepsWaiting = false
    /// Exit, not bound: a position it covers has been open since it was placed.
    var sawPosition = false
    /// Exit, not bound: it binds only to trades with this sequence number or
    /// a later one (the trades open when it was placed, or that it already
    /// bound to, are not bound again).
    var firstUnboundTrade = 0
    var ocaName: OrderLabel = .none
    var comment: OrderLabel = .none
    /// Exit: the entry id the exit is for (`.none`: every entry).
    var fromEntry: OrderLabel = .none
    var commentProfit: OrderLabel = .none
    var commentLoss: OrderLabel = .none
    var commentTrailing: OrderLabel = .none
    /// Placement order, used for FIFO among simultaneous market orders.
    var sequence: Int = 0
    /// Exit: the sequence number of the open trade the exit is bound to (-1:
    /// not bound yet, waiting for a fill of its entry).
    var trade: Int = -1
    /// Entry/order quantity (contracts); exit: explicit qty or NaN; close:
    /// the quantity it closes, captured when it was placed.
    var qty: Double = .nan
    /// Entry: the opposite position's size when the order was placed; the
    /// order sells/buys it on top of its own quantity (a reversal).
    var reverseQty: Double = 0
    /// Exit/close: percent of the matched quantity (NaN: 100).
    var qtyPercent: Double = .nan
    var limit: Double = .nan
    var stop: Double = .nan
    /// Exit: `profit`, `loss` (ticks), `trail_price`, `trail_points`, `trail_offset`.
    var profitTicks: Double = .nan
    var lossTicks: Double = .nan
    var trailPrice: Double = .nan
    var trailPoints: Double = .nan
    var trailOffset: Double = .nan
    /// Exit: the entry price of its trade: `profit`, `loss` and
    /// `trail_points` are measured from it.
    var refPrice: Double = .nan
    /// Exit: the quantity it holds of its trade, fixed when it binds (NaN
    /// before): the exits of one trade share its quantity.
    var reserved: Double = .nan
    /// Exit: the trailing stop's best price since it was armed.
    var trailBest: Double = .nan

    /// This waiting exit bound to open trade `t` (its quantity not fixed yet).
    func bound(to t: OpenTrade) -> PendingOrder {
        var o = self
        o.attached = true
        o.trade = t.sequence
        o.refPrice = t.entryPrice
        o.direction = t.direction
        o.reserved = .nan
        return o
    }

    /// True for an exit with a trailing stop (`trail_points` or `trail_price`).
    var hasTrail: Bool { kind == .exit && (!trailPoints.isNaN || !trailPrice.isNaN) }

    /// The trail's offset in ticks (none given: 0).
    var trailOffsetTicks: Double { trailOffset.isNaN ? 0 : trailOffset }

    /// True for an order that fills at the next price seen (no limit, no stop).
    var isMarket: Bool {
        switch kind {
        case .close: return true
        case .entry, .order: return limit.isNaN && stop.isNaN
        case .exit: return false
        }
    }
}
