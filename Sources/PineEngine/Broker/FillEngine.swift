/// The fill engine: walks each bar's price path (or the magnifier's) and
/// fills the pending orders at the first point of the path that touches
/// them. It owns the order book and the trade ledger, which change only
/// through it, and the state of the path being walked.
///
/// A bar is fed as `beginBar`, then `open(at:)` (or `openBar`), then
/// segments (`walk(to:)`, `walkSample(to:)`, `jump(to:)`) and finally
/// `reachExtremes` or `mark`: the broker's `processBar` and the path feed
/// are the only callers.
struct FillEngine: Sendable {
    var rules = InstrumentRules()
    var limits = PositionLimits()
    var book = OrderBook()
    var ledger = TradeLedger()
    /// The script bar being processed.
    var clock = BarClock()
    /// The latest price seen: the bar's close while the script runs.
    var markPrice: Double = .nan
    /// True with the magnifier: excursions follow every point walked.
    /// Without it they follow the bar model: the bar's high, low and close
    /// once the path is walked (`reachExtremes`), an entry bar's extremes
    /// masked by where the fill lies on the bar's path, and an exit bar
    /// folded in when a priced order closes a trade (`fold(for:trailPeak:)`).
    var pathExcursions = false
    /// The bar walked without the magnifier (`openBar`).
    var barOpen: Double = .nan
    var barHigh: Double = .nan
    var barLow: Double = .nan
    var barClose: Double = .nan
    /// The magnifier's partial bar: the bar's open and the running high and
    /// low of the samples walked so far (see `walkSample(to:)`).
    var sampleOpen: Double = .nan
    var sampleHigh: Double = .nan
    var sampleLow: Double = .nan
    /// The bar on which a priced entry filled with a masked extreme (-1: none).
    var maskedEntryBar = -1
    /// `strategy.risk.max_intraday_filled_orders` (0: none), the orders
    /// filled so far today, and whether today's fills have reached it.
    var fillLimit = 0
    var fillsToday = 0
    var fillLimitReached = false
    /// Per script bar: units of the strategy's currency per unit of the
    /// symbol's (empty: 1 on every bar). The ledger books each bar's amounts
    /// at that bar's factor.
    var currencyFactors: [Double] = []
    /// The prices the open position has seen on the current bar, for the
    /// margin call: the bar on which it was opened on the price path before
    /// the bar's margin check (-1: opened earlier, or after the check), and
    /// the lowest and highest prices of the path from its opening fill on.
    /// See `marginCall`.
    var positionPathBar = -1
    var positionPathLow: Double = .nan
    var positionPathHigh: Double = .nan
    /// The bar whose margin check has run (a position opened later on it,
    /// on the close, is not tracked).
    var marginCheckBar = -1
    /// `margin_long` / `margin_short` in percent (0: no margin calls on that side).
    var marginLong = 0.0
    var marginShort = 0.0
    /// The margin call's pre-test (see `MarginCallBound`).
    var marginBound = MarginCallBound()

    /// Clears the book, the ledger and the path for a new run.
    mutating func reset(settings: BacktestSettings) {
        rules = InstrumentRules(settings: settings)
        limits = PositionLimits(properties: settings.properties)
        book.reset()
        ledger.reset()
        currencyFactors = settings.currencyFactors
        marginLong = settings.properties.marginLong
        marginShort = settings.properties.marginShort
        marginBound = MarginCallBound()
        clock = BarClock()
        markPrice = .nan
        if case .off = settings.magnifier { pathExcursions = false } else { pathExcursions = true }
        maskedEntryBar = -1
        positionPathBar = -1
        marginCheckBar = -1
        fillLimit = 0
        startDay()
    }

    /// A new day for `max_intraday_filled_orders`: the count starts again.
    @inline(__always)
    mutating func startDay() {
        fillsToday = 0
        fillLimitReached = false
    }

    /// Counts an order that filled (it opened or closed something since the
    /// ledger stood at `opened` entries and `closed` closed trades). The fill
    /// that reaches the day's limit cancels every pending order.
    @inline(__always)
    mutating func countFill(openedBefore opened: Int, closedBefore closed: Int) {
        guard fillLimit > 0, ledger.tradeSequence != opened || ledger.closedTrades.count != closed else { return }
        fillsToday += 1
        if fillsToday >= fillLimit && !fillLimitReached {
            fillLimitReached = true
            book.remove { _ in true }
        }
    }

    /// The open trades' profit at `price`, before commissions. It reads the
    /// trades in place: `mutating` only so that the broker calls it through
    /// an exclusive access, without retaining the trades' storage on every
    /// bar (it changes nothing).
    @inline(__always)
    mutating func openProfit(at price: Double) -> Double {
        ledger.openProfit(at: price, pointValue: rules.pointValue)
    }

    /// True with no pending order and no open trade: the bar's path can be skipped.
    @inline(__always) var isIdle: Bool { book.orders.isEmpty && ledger.openTrades.isEmpty }

    // MARK: - Driving one bar

    /// Starts a script bar.
    @inline(__always)
    mutating func beginBar(index: Int, time: Int64) {
        clock = BarClock(index: index, time: time)
        if !currencyFactors.isEmpty { ledger.rate = currencyFactors[min(index, currencyFactors.count - 1)] }
    }

    /// The first point of the bar's path (its open): excursions (with the
    /// magnifier), trailing stops (the open is a price they have seen),
    /// market orders, then priced orders the open has already crossed (gaps).
    mutating func open(at price: Double) {
        markPrice = price
        sampleOpen = price
        sampleHigh = price
        sampleLow = price
        updateExcursions(price)
        if !book.isEmpty {
            trailsSee(price)
            fillMarketOrders(at: price)
            walk(to: price)
        }
    }

    /// The first point of a bar walked without the magnifier: `open(at:)`
    /// on a bar whose extremes and close the engine keeps, for the
    /// excursions of the trades a priced order opens or closes on it.
    mutating func openBar(open price: Double, high: Double, low: Double, close: Double) {
        barOpen = price
        barHigh = high
        barLow = low
        barClose = close
        open(at: price)
    }

    /// A discontinuity inside the bar (the next sub-bar's open): priced
    /// orders crossed by the jump fill at the new price. Like
    /// `walkSample(to:)`, the point is a magnifier sample.
    mutating func jump(to price: Double) {
        let firstNewTrade = ledger.tradeSequence
        markPrice = price
        updateExcursions(price)
        positionSees(price)
        if !book.isEmpty {
            trailsSee(price)
            walk(to: price)
        }
        endSample(at: price, firstNewTrade: firstNewTrade)
    }

    /// Moves the price in a straight line from the current point to
    /// `price`, filling the orders it touches in the order it touches them.
    /// Every pending order stays live after a fill, whatever order the
    /// orders were placed in.
    ///
    /// The loop ends: each step either removes an order from the book (a
    /// fill; nothing a fill does adds an order) or turns a stop-limit
    /// entry's stop into a triggered one, which is never touched again. So
    /// a segment takes at most twice as many steps as it starts with orders.
    mutating func walk(to price: Double) {
        var cur = markPrice
        let start = cur
        while !book.isEmpty, let t = firstTouch(from: cur, to: price) {
            let point = t.immediate ? cur : t.level
            markPrice = point
            updateExcursions(point)
            execute(t, at: t.immediate ? cur : t.fillPrice)
            cur = point
        }
        markPrice = price
        updateExcursions(price)
        // A segment is monotone: a position opened on it saw its fill point
        // (where the tracking starts) and the segment's end.
        positionSees(price)
        updateTrails(from: start, to: price)
    }

    /// The next magnifier sample of the bar: `walk(to:)`, then the
    /// excursions of the entries it opened.
    ///
    /// An entry filled on the sample starts its excursion from the partial
    /// bar: the partial bar's high and low (which include samples before
    /// the fill) count, except an extreme that the partial bar's own
    /// 4-point path (open, nearer extreme, other extreme, sample) reaches
    /// before the fill price.
    mutating func walkSample(to price: Double) {
        let firstNewTrade = ledger.tradeSequence
        walk(to: price)
        endSample(at: price, firstNewTrade: firstNewTrade)
    }

    /// Extends the partial bar by the sample `price` and applies it to the
    /// excursions of the entries opened on this sample (trade sequence at
    /// or after `firstNewTrade`).
    @inline(__always)
    mutating func endSample(at price: Double, firstNewTrade: Int) {
        if price > sampleHigh { sampleHigh = price }
        if price < sampleLow { sampleLow = price }
        guard ledger.tradeSequence != firstNewTrade else { return }
        let highFirst = abs(sampleHigh - sampleOpen) < abs(sampleOpen - sampleLow)
        for i in ledger.openTrades.indices where ledger.openTrades[i].sequence >= firstNewTrade {
            // The fill's position on the partial bar's path (the extremes
            // are at 1 and 2); a fill price off the path masks nothing.
            let pos =
                PricePath.touchPosition(
                    of: ledger.openTrades[i].entryPrice, open: sampleOpen, high: sampleHigh, low: sampleLow,
                    close: price) ?? 0
            let useHigh = pos <= (highFirst ? 1 : 2)
            let useLow = pos <= (highFirst ? 2 : 1)
            // A masked extreme is left out (an infinity never moves a best or worst price).
            ledger.extendExcursion(i, high: useHigh ? sampleHigh : -.infinity, low: useLow ? sampleLow : .infinity)
        }
    }

    /// The rest of a bar's path when no order is pending (and, without the
    /// magnifier, the end of every bar's path): the open trades' best and
    /// worst prices take in the bar's extremes (the order they come in does
    /// not matter without fills) and the price ends at the close.
    @inline(__always)
    mutating func reachExtremes(high: Double, low: Double, close: Double) {
        if maskedEntryBar == clock.index {
            reachMaskedExtremes(high: high, low: low, close: close)
            return
        }
        for i in ledger.openTrades.indices { ledger.extendExcursion(i, high: high, low: low) }
        markPrice = close
    }

    /// `reachExtremes` on a bar where a priced entry filled after the path
    /// had passed one of the bar's extremes: that extreme does not count for
    /// the entry, the close does.
    mutating func reachMaskedExtremes(high: Double, low: Double, close: Double) {
        for i in ledger.openTrades.indices {
            let t = ledger.openTrades[i]
            let onEntryBar = t.entryBar == clock.index
            let h = onEntryBar && t.entryMask.contains(.high) ? close : high
            let l = onEntryBar && t.entryMask.contains(.low) ? close : low
            ledger.extendExcursion(i, high: h, low: l)
        }
        markPrice = close
    }

    /// A price of the path the position opened on this bar has seen.
    @inline(__always)
    mutating func positionSees(_ price: Double) {
        if positionPathBar != clock.index { return }
        if price < positionPathLow { positionPathLow = price }
        if price > positionPathHigh { positionPathHigh = price }
    }

    /// The bar's path was not walked past its open (nothing was pending
    /// there): a position opened at the open has seen the whole bar.
    @inline(__always)
    mutating func positionSeesWholeBar() {
        positionPathBar = -1
    }

    /// Updates every open trade's excursions with a price the magnifier's
    /// path reached (without the magnifier, `reachExtremes` and the fills
    /// update them by the bar).
    @inline(__always)
    mutating func updateExcursions(_ price: Double) {
        if !pathExcursions || ledger.openTrades.isEmpty { return }
        for i in ledger.openTrades.indices { ledger.extendExcursion(i, high: price, low: price) }
    }

    /// Fills the market orders placed by the script on this bar at the
    /// current price, the close (process_orders_on_close), and the stops and
    /// limits the close has already reached.
    mutating func fillOrdersOnClose() {
        guard !book.isEmpty else { return }
        fillMarketOrders(at: markPrice)
        walk(to: markPrice)
    }

    // MARK: - Market orders

    /// Fills the market orders at `price`: the closes (`strategy.close`,
    /// `close_all`) first, then the entries and orders, each group in
    /// placement order. All of them were placed in the same script
    /// execution; a close takes what it captured when it was called, so an
    /// entry placed before it still trades its whole fixed size after it.
    /// `onPath`: the price is a point inside the bar's path (after the
    /// open), so the fills take in the extremes the path reached before it,
    /// like priced fills.
    mutating func fillMarketOrders(at price: Double, onPath: Bool = false) {
        while let i = book.nextMarketOrder() {
            let o = book.orders.remove(at: i)
            let (opened, closed) = (ledger.tradeSequence, ledger.closedTrades.count)
            defer { countFill(openedBefore: opened, closedBefore: closed) }
            switch o.kind {
            case .close:
                executeClose(o, price: price, onPath: onPath)
            case .entry, .order:
                executeEntry(o, rawPrice: price, slipped: true, priced: onPath)
            case .exit:
                break
            }
            // A fill can cancel or reduce other orders: look again from the start.
            book.pruneExits(ledger, rules: rules)
        }
    }

    /// Trailing stops see a price the path jumped to (an open): an active
    /// trail's best price moves to it when better, an inactive one arms
    /// when it is at or beyond the activation level.
    mutating func trailsSee(_ price: Double) {
        if ledger.openTrades.isEmpty { return }
        for i in book.orders.indices where book.orders[i].kind == .exit && book.orders[i].hasTrail {
            updateTrail(i, price: price)
        }
    }
}
