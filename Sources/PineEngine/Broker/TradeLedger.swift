/// The position and its history: the open entries (oldest first), the
/// closed trades (in closing order) and the closed-trade tallies the
/// script reads (`strategy.netprofit`, `strategy.wintrades`, ...).
struct TradeLedger: Sendable {
    /// Open entries, oldest first.
    var openTrades: [OpenTrade] = []
    /// Closed trades in closing order.
    var closedTrades: [ClosedTrade] = []
    /// The sequence number the next opened entry gets.
    var tradeSequence = 0
    /// Sum of closed trades' P&L.
    var netProfit: Double = 0
    /// Sum of winning / losing closed trades' P&L (the loss a positive amount).
    var grossProfit: Double = 0
    var grossLoss: Double = 0
    var winTrades = 0
    var lossTrades = 0
    var evenTrades = 0
    /// The largest long / short position held so far, in contracts
    /// (`strategy.max_contracts_held_long` / `_short`).
    var maxHeldLong: Double = 0
    var maxHeldShort: Double = 0
    /// Units of the strategy's currency per unit of the symbol's on the
    /// current bar: every amount booked now is converted at it (1 when the
    /// two currencies are the same money).
    var rate: Double = 1
    /// Changes whenever the open trades or the closed profit may have
    /// changed (an entry opened, a trade closed, a reset): what is derived
    /// from them can be kept while it stays the same.
    private(set) var revision = 0

    /// Empties the ledger, keeping its storage.
    mutating func reset() {
        revision &+= 1
        openTrades.removeAll(keepingCapacity: true)
        closedTrades.removeAll(keepingCapacity: true)
        tradeSequence = 0
        netProfit = 0
        grossProfit = 0
        grossLoss = 0
        winTrades = 0
        lossTrades = 0
        evenTrades = 0
        maxHeldLong = 0
        maxHeldShort = 0
        rate = 1
    }

    /// The direction of the open position, nil when flat.
    @inline(__always) var direction: TradeDirection? { openTrades.first?.direction }

    /// The signed position size: positive long, negative short, 0 flat.
    var positionSize: Double {
        var size = 0.0
        for t in openTrades { size += t.qty * t.direction.sign }
        return size
    }

    /// The open quantity (contracts, unsigned).
    var openQuantity: Double {
        var q = 0.0
        for t in openTrades { q += t.qty }
        return q
    }

    /// The open trades' profit at `price`, before commissions, in the
    /// strategy's currency at the current bar's rate.
    @inline(__always)
    func openProfit(at price: Double, pointValue: Double) -> Double {
        var sum = 0.0
        for k in openTrades.indices {
            sum += (price - openTrades[k].entryPrice) * openTrades[k].qty * pointValue * openTrades[k].direction.sign
        }
        return sum * rate
    }

    /// True when `side` already holds `maxEntries` open entries.
    @inline(__always)
    func isPyramidingFull(_ side: TradeDirection, maxEntries: Int) -> Bool {
        guard let pos = openTrades.first?.direction, pos == side else { return false }
        return openTrades.count >= maxEntries
    }

    /// The direction of the open trades of entry `id` (all open trades when
    /// nil); nil when none is open.
    @inline(__always)
    func direction(ofEntry id: String?) -> TradeDirection? {
        guard let id else { return openTrades.first?.direction }
        for k in openTrades.indices where openTrades[k].entryId == id { return openTrades[k].direction }
        return nil
    }

    /// The first open trade of entry `id` (the oldest when nil).
    @inline(__always)
    func firstTrade(ofEntry id: String?) -> OpenTrade? {
        guard let id else { return openTrades.first }
        for t in openTrades where t.entryId == id { return t }
        return nil
    }

    /// The open quantity of entry `id` (all open trades when nil).
    func quantity(ofEntry id: String?) -> Double {
        var total = 0.0
        for k in openTrades.indices where id == nil || openTrades[k].entryId == id { total += openTrades[k].qty }
        return total
    }

    /// The open quantity of the open trade with sequence number `sequence`
    /// (0 when it is closed). The open trades are in sequence order: a trade
    /// is appended with the next number, and closing keeps the order.
    func openQuantity(ofTrade sequence: Int) -> Double {
        var lo = 0
        var hi = openTrades.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if openTrades[mid].sequence < sequence { lo = mid + 1 } else { hi = mid }
        }
        return lo < openTrades.count && openTrades[lo].sequence == sequence ? openTrades[lo].qty : 0
    }

    /// Open trade `i`'s best and worst prices take in a range of prices
    /// (reached on the current bar, at its rate). The trade is written
    /// (one exclusive access to the array) only when one of them moves.
    @inline(__always)
    mutating func extendExcursion(_ i: Int, high: Double, low: Double) {
        let isLong = openTrades[i].direction == .long
        let newBest = isLong ? high > openTrades[i].bestPrice : low < openTrades[i].bestPrice
        let newWorst = isLong ? low < openTrades[i].worstPrice : high > openTrades[i].worstPrice
        guard newBest || newWorst else { return }
        Self.extend(
            &openTrades[i], best: newBest ? (isLong ? high : low) : nil, worst: newWorst ? (isLong ? low : high) : nil,
            rate: rate)
    }

    @inline(__always)
    private static func extend(_ t: inout OpenTrade, best: Double?, worst: Double?, rate: Double) {
        if let best {
            t.bestPrice = best
            t.bestRate = rate
        }
        if let worst {
            t.worstPrice = worst
            t.worstRate = rate
        }
    }

    /// Opens an entry (at the current bar's rate) and returns its sequence number.
    mutating func open(_ trade: OpenTrade) {
        var t = trade
        t.entryRate = rate
        t.bestRate = rate
        t.worstRate = rate
        t.sequence = tradeSequence
        tradeSequence += 1
        revision &+= 1
        openTrades.append(t)
        // Only an entry makes the position larger, so the peaks move here.
        let size = positionSize
        if size > maxHeldLong { maxHeldLong = size }
        if -size > maxHeldShort { maxHeldShort = -size }
    }

    /// Closes up to `qty` of the open trades of `direction` (all, or those
    /// of `entryId`), oldest first, at `price`, and records them. Returns
    /// the quantity closed. `fold` adds what the fill folds into each closed
    /// part's excursions besides the fill price.
    @discardableResult
    mutating func close(
        direction: TradeDirection, entryId: String?, qty: Double, price: Double, exitId: String,
        comment: String?, at bar: BarClock, fold: ExcursionFold, rules: InstrumentRules, closeRule: CloseEntriesRule
    ) -> Double {
        var remaining = qty
        var closedQty = 0.0
        var matchedTotal = 0.0
        for k in openTrades.indices
        where openTrades[k].direction == direction && (entryId == nil || openTrades[k].entryId == entryId) {
            matchedTotal += openTrades[k].qty
        }
        let fillQty = min(matchedTotal, qty)
        guard fillQty > 0 else { return 0 }
        revision &+= 1
        // close_entries_rule FIFO: the quantity is the named entries', but
        // the oldest open entries are the ones closed.
        let fifoByName = closeRule == .fifo && entryId != nil
        let entryId = fifoByName ? nil : entryId
        if fifoByName { remaining = fillQty }
        let orderCommission = rules.commissionType == .cashPerOrder ? rules.commissionValue : .nan
        let pointValue = rules.pointValue
        // Trades closed whole leave a gap, closed once at the end: `write`
        // is where the next trade that stays goes.
        var i = 0
        var write = 0
        while i < openTrades.count && remaining > 1e-12 {
            var t = openTrades[i]
            guard t.direction == direction, entryId == nil || t.entryId == entryId else {
                if write != i { openTrades[write] = t }
                write += 1
                i += 1
                continue
            }
            // A remainder within float error of the whole trade closes it whole.
            let cq = remaining >= t.qty * (1 - 1e-12) ? t.qty : remaining
            remaining -= cq
            closedQty += cq
            // The closed part's excursions take in the fill price and what
            // the fill folds in (the part that stays open keeps its own).
            var best = t.bestPrice
            var worst = t.worstPrice
            var bestRate = t.bestRate
            var worstRate = t.worstRate
            let rate = self.rate
            let isLong = t.direction == .long
            @inline(__always) func reach(_ p: Double) {
                if isLong {
                    if p > best { (best, bestRate) = (p, rate) }
                    if p < worst { (worst, worstRate) = (p, rate) }
                } else {
                    if p < best { (best, bestRate) = (p, rate) }
                    if p > worst { (worst, worstRate) = (p, rate) }
                }
            }
            reach(price)
            if fold.isActive {
                var reached = fold.reached
                if t.entryBar == bar.index { reached.subtract(t.entryMask) }
                if reached.contains(.high) { reach(fold.high) }
                if reached.contains(.low) { reach(fold.low) }
                if !fold.trailPeak.isNaN { reach(fold.trailPeak) }
            }
            let full = cq >= t.qty
            let entryComm = full ? t.entryCommission : t.entryCommission * (cq / t.qty)
            // Amounts in the strategy's currency: the profit at this bar's
            // rate, the run-up and drawdown at the rates of their bars; the
            // entry commission was converted at the entry bar.
            let exitComm =
                orderCommission.isNaN ? rules.commission(price: price, qty: cq, rate: rate) : orderCommission * (cq / fillQty)
            let s = t.direction.sign
            let gross = (price - t.entryPrice) * s * cq * pointValue * rate
            let pnl = gross - entryComm - exitComm
            let runup = max(0, (best - t.entryPrice) * s * cq * pointValue * bestRate - entryComm)
            let drawdown = (t.entryPrice - worst) * s * cq * pointValue * worstRate + entryComm
            let entryCost = t.entryPrice * cq * pointValue * t.entryRate
            var record = ClosedTrade(
                direction: t.direction, entryId: t.entryId, exitId: exitId, entryComment: t.entryComment,
                exitComment: comment, entryTime: t.entryTime, exitTime: bar.time, entryPrice: t.entryPrice,
                exitPrice: price, entryBar: t.entryBar, exitBar: bar.index, qty: cq, pnl: pnl,
                pnlPercent: pnl / entryCost * 100,
                commission: entryComm + exitComm, maxRunup: runup, maxDrawdown: drawdown)
            record.entryCost = entryCost
            closedTrades.append(record)
            netProfit += pnl
            if pnl > 0 {
                grossProfit += pnl
                winTrades += 1
            } else if pnl < 0 {
                grossLoss -= pnl
                lossTrades += 1
            } else {
                evenTrades += 1
            }
            if !full {
                t.qty -= cq
                t.entryCommission -= entryComm
                openTrades[write] = t
                write += 1
            }
            i += 1
        }
        if write < i { openTrades.removeSubrange(write..<i) }
        return closedQty
    }
}
