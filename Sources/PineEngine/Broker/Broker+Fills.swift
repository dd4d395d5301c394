/// The fill engine: the bar loop feeds the broker the points of each bar's
/// price path (`beginBar`, `open(at:)`, `walk(to:)`, `jump(to:)`), and the
/// broker fills pending orders at the first point of the path that touches
/// them.
extension Broker {
    /// Which price level of an order a path segment touched.
    enum Leg: UInt8 {
        case entryPrice
        case stopTrigger
        case exitLimit
        case exitStop
        case exitTrail
    }

    /// The order touched first along a segment.
    struct Touch {
        var orderIndex: Int
        var leg: Leg
        var level: Double
        var fillPrice: Double
        var isStop: Bool
        var distance: Double
        var immediate: Bool
        var sequence: Int
    }

    // MARK: - Driving one bar

    /// Starts a script bar: sets the context the order API and the trade
    /// records use.
    public func beginBar(index: Int, time: Int64, acceptsOrders: Bool) {
        barIndex = index
        barTime = time
        lastFillSequence = -1
        beginRiskDay(time: time)
        self.acceptsOrders = acceptsOrders && !isHaltedByRisk
    }

    /// The first point of the bar's path (its open): excursions (with the
    /// magnifier), market orders in placement order, then priced orders
    /// the open has already crossed (gaps).
    public func open(at price: Double) {
        markPrice = price
        sampleOpen = price
        sampleHigh = price
        sampleLow = price
        updateExcursions(price)
        if !orders.isEmpty {
            fillMarketOrders(at: price)
            walk(to: price)
        }
    }

    /// The first point of a bar walked without the magnifier: `open(at:)`
    /// on a bar whose extremes and close the broker keeps, for the
    /// excursions of the trades a priced order opens or closes on it.
    public func openBar(open price: Double, high: Double, low: Double, close: Double) {
        barOpen = price
        barHigh = high
        barLow = low
        barClose = close
        open(at: price)
    }

    /// A discontinuity inside the bar (the next sub-bar's open): priced
    /// orders crossed by the jump fill at the new price. Like
    /// `walkSample(to:)`, the point is a magnifier sample.
    public func jump(to price: Double) {
        lastFillSequence = -1
        let firstNewTrade = tradeSequence
        markPrice = price
        updateExcursions(price)
        if !orders.isEmpty { walk(to: price) }
        endSample(at: price, firstNewTrade: firstNewTrade)
    }

    /// Moves the price in a straight line from the current point to
    /// `price`, filling the orders it touches in the order it touches them.
    public func walk(to price: Double) {
        var cur = markPrice
        let start = cur
        var guardCount = 0
        while !orders.isEmpty, guardCount < 10_000, let t = firstTouch(from: cur, to: price) {
            guardCount += 1
            let point = t.immediate ? cur : t.level
            markPrice = point
            updateExcursions(point)
            execute(t, at: t.immediate ? cur : t.fillPrice)
            cur = point
        }
        markPrice = price
        updateExcursions(price)
        updateTrails(from: start, to: price)
    }

    /// The next magnifier sample of the bar: like `walk(to:)`, but the
    /// pending orders get a fresh pass. The reference engine fills orders
    /// once per sample against the partial bar seen so far, so an order
    /// passed over because a later-placed one filled earlier in the bar
    /// (the single pass of `firstTouch`) may fill from the next sample on:
    /// e.g. a resting long stop entry after the short stop entry of the
    /// same pair reversed the position on an earlier sample.
    ///
    /// An entry filled on the sample starts its excursion from the partial
    /// bar as the reference engine does: the partial bar's high and low
    /// (which include samples before the fill) count, except an extreme
    /// that the partial bar's own 4-point path (open, nearer extreme, other
    /// extreme, sample) reaches before the fill price.
    public func walkSample(to price: Double) {
        lastFillSequence = -1
        let firstNewTrade = tradeSequence
        walk(to: price)
        endSample(at: price, firstNewTrade: firstNewTrade)
    }

    /// Extends the partial bar by the sample `price` and applies it to the
    /// excursions of the entries opened on this sample (trade sequence at
    /// or after `firstNewTrade`).
    @inline(__always)
    func endSample(at price: Double, firstNewTrade: Int) {
        if price > sampleHigh { sampleHigh = price }
        if price < sampleLow { sampleLow = price }
        guard tradeSequence != firstNewTrade else { return }
        let highFirst = abs(sampleHigh - sampleOpen) < abs(sampleOpen - sampleLow)
        for i in openTrades.indices where openTrades[i].sequence >= firstNewTrade {
            // The fill's position on the partial bar's path (the extremes
            // are at 1 and 2); a fill price off the path masks nothing.
            let pos = PricePath.touchPosition(
                of: openTrades[i].entryPrice, open: sampleOpen, high: sampleHigh, low: sampleLow, close: price) ?? 0
            let useHigh = pos <= (highFirst ? 1 : 2)
            let useLow = pos <= (highFirst ? 2 : 1)
            // A masked extreme is left out (an infinity never moves a best or worst price).
            extendExcursion(i, high: useHigh ? sampleHigh : -.infinity, low: useLow ? sampleLow : .infinity)
        }
    }

    /// Sets the price the script sees (the bar's close).
    public func mark(_ price: Double) {
        markPrice = price
    }

    /// Fills the market orders placed by the script on this bar at the
    /// current price (process_orders_on_close).
    public func fillMarketOrdersOnClose() {
        if !orders.isEmpty { fillMarketOrders(at: markPrice) }
    }

    /// Records the end of the bar: returns (equity, open profit) at the
    /// current price and updates the running max drawdown / run-up.
    @discardableResult
    public func closeBar() -> (equity: Double, openProfit: Double) {
        var op = openProfit(at: markPrice)
        var eq = initialCapital + netProfit + op
        if riskDrawdownLimit > 0 || riskIntradayLimit > 0 {
            checkRiskRules(equity: eq)
            op = openProfit(at: markPrice)
            eq = initialCapital + netProfit + op
        }
        lastEquity = eq
        if equityPeak.isNaN {
            equityPeak = eq
            equityTrough = eq
        }
        if eq > equityPeak {
            equityPeak = eq
            equityTrough = eq
        }
        if eq < equityTrough { equityTrough = eq }
        let dd = equityPeak - eq
        if dd > maxDrawdown { maxDrawdown = dd }
        if dd > 0 && equityPeak > 0 && dd / equityPeak * 100 > maxDrawdownPercent {
            maxDrawdownPercent = dd / equityPeak * 100
        }
        let ru = eq - equityTrough
        if ru > maxRunup { maxRunup = ru }
        if ru > 0 && equityTrough > 0 && ru / equityTrough * 100 > maxRunupPercent {
            maxRunupPercent = ru / equityTrough * 100
        }
        return (eq, op)
    }

    // MARK: - Market orders

    func fillMarketOrders(at price: Double) {
        var i = 0
        while i < orders.count {
            guard orders[i].isMarket else {
                i += 1
                continue
            }
            let o = orders.remove(at: i)
            lastFillSequence = max(lastFillSequence, o.sequence)
            switch o.kind {
            case .close:
                executeClose(o, price: price)
            case .entry, .order:
                if o.kind == .entry && isPyramidingBlocked(o.direction) { continue }
                executeEntry(o, rawPrice: price, slipped: true)
            case .exit:
                break
            }
            pruneExits()
            i = 0
        }
    }

    // MARK: - Priced orders

    @inline(__always)
    func isPyramidingBlocked(_ side: TradeDirection) -> Bool {
        guard let pos = openTrades.first?.direction, pos == side else { return false }
        return openTrades.count >= maxEntries
    }

    /// Where a level is touched on the segment cur -> to. `up`: the order
    /// triggers when the price is at or above the level.
    @inline(__always)
    func touchDistance(level: Double, up: Bool, from cur: Double, to end: Double) -> (Double, Bool)? {
        let tol = mintick * 1e-9
        if up {
            if cur >= level - tol { return (0, true) }
            if end >= level - tol { return (level - cur, false) }
        } else {
            if cur <= level + tol { return (0, true) }
            if end <= level + tol { return (cur - level, false) }
        }
        return nil
    }

    func firstTouch(from cur: Double, to end: Double) -> Touch? {
        var best: Touch? = nil
        @inline(__always) func consider(_ i: Int, _ leg: Leg, _ level: Double, _ up: Bool, _ isStop: Bool) {
            guard !level.isNaN, let (d, imm) = touchDistance(level: level, up: up, from: cur, to: end) else { return }
            // The level is touched as given; it fills at the first price on the
            // tick grid at or beyond it (levels hit from below round up, levels
            // hit from above round down).
            let cand = Touch(
                orderIndex: i, leg: leg, level: level, fillPrice: snap(level, buying: up), isStop: isStop,
                distance: d, immediate: imm, sequence: orders[i].sequence)
            if let b = best {
                if d < b.distance || (d == b.distance && isStop && !b.isStop)
                    || (d == b.distance && isStop == b.isStop && cand.sequence < b.sequence)
                {
                    best = cand
                }
            } else {
                best = cand
            }
        }
        for i in orders.indices {
            let o = orders[i]
            // Within a bar, an order placed before the last filled one no
            // longer fills (the reference engine's single pass over the orders).
            if o.sequence < lastFillSequence { continue }
            switch o.kind {
            case .close:
                continue
            case .entry, .order:
                if o.isMarket { continue }
                if o.kind == .entry && isPyramidingBlocked(o.direction) { continue }
                let buy = o.direction == .long
                if !o.stop.isNaN && !o.stopTriggered {
                    if o.limit.isNaN {
                        consider(i, .entryPrice, o.stop, buy, true)
                    } else {
                        consider(i, .stopTrigger, o.stop, buy, true)
                    }
                } else if !o.limit.isNaN {
                    consider(i, .entryPrice, o.limit, !buy, false)
                }
            case .exit:
                guard let ref = exitReference(o) else { continue }
                let long = ref.direction == .long
                let s = ref.direction.sign
                var lim = o.limit
                if !o.profitTicks.isNaN {
                    let p = normalizedLevel(ref.entryPrice + s * o.profitTicks * mintick)
                    lim = lim.isNaN ? p : (long ? min(lim, p) : max(lim, p))
                }
                var stp = o.stop
                if !o.lossTicks.isNaN {
                    let p = normalizedLevel(ref.entryPrice - s * o.lossTicks * mintick)
                    stp = stp.isNaN ? p : (long ? max(stp, p) : min(stp, p))
                }
                consider(i, .exitLimit, lim, long, false)
                consider(i, .exitStop, stp, !long, true)
                if o.trailActive && !o.trailOffset.isNaN {
                    let level = normalizedLevel(o.trailBest - s * o.trailOffset * mintick)
                    consider(i, .exitTrail, level, !long, true)
                }
            }
        }
        return best
    }

    /// The first open trade an exit applies to.
    @inline(__always)
    func exitReference(_ o: PendingOrder) -> OpenTrade? {
        guard let from = o.fromEntry else { return openTrades.first }
        for t in openTrades where t.entryId == from { return t }
        return nil
    }

    func execute(_ t: Touch, at point: Double) {
        let i = t.orderIndex
        if t.leg != .stopTrigger { lastFillSequence = max(lastFillSequence, orders[i].sequence) }
        pricedFill = true
        defer {
            pricedFill = false
            pricedFillTrailPeak = .nan
        }
        switch t.leg {
        case .stopTrigger:
            orders[i].stopTriggered = true
        case .entryPrice:
            let o = orders.remove(at: i)
            executeEntry(o, rawPrice: point, slipped: t.isStop)
            pruneExits()
        case .exitLimit, .exitStop, .exitTrail:
            let o = orders.remove(at: i)
            let comment: String?
            switch t.leg {
            case .exitLimit: comment = o.commentProfit ?? o.comment
            case .exitStop: comment = o.commentLoss ?? o.comment
            default:
                comment = o.commentTrailing ?? o.comment
                pricedFillTrailPeak = o.trailBest
            }
            executeExit(o, rawPrice: point, slipped: t.isStop, comment: comment)
            handleOCA(o, filledQty: .infinity)
            pruneExits()
        }
    }

    // MARK: - Executions

    func executeEntry(_ o: PendingOrder, rawPrice: Double, slipped: Bool) {
        let side = o.direction
        let buying = side == .long
        let raw = slipped ? rawPrice + side.sign * slippagePrice : rawPrice
        let price = snap(raw, buying: buying)
        var qty = o.qty
        if o.kind == .entry {
            // The order's size was fixed when it was placed: its own quantity
            // plus the opposite position it then had to reverse. Filled
            // against a larger opposite position it only reduces it.
            // Filled when the position it was to reverse is already gone, it
            // opens its whole size (TradingView: position 1 + qty 1 opens 2).
            let total = o.reverseQty + o.qty
            if let pos = openTrades.first?.direction, pos != side {
                let closed = closeTrades(
                    direction: pos, entryId: nil, qty: total, price: price, exitId: o.id, comment: o.comment)
                pruneExits()
                qty = closed == o.reverseQty ? o.qty : total - closed
                if !(qty > 1e-12) || !openTrades.isEmpty {
                    handleOCA(o, filledQty: o.qty)
                    return
                }
            } else {
                qty = total
            }
            let allowed =
                allowEntryIn == .all || (allowEntryIn == .long && side == .long)
                || (allowEntryIn == .short && side == .short)
            guard allowed, !isPyramidingBlocked(side) else {
                handleOCA(o, filledQty: o.qty)
                return
            }
        } else if let pos = openTrades.first?.direction, pos != side {
            let closed = closeTrades(direction: pos, entryId: nil, qty: qty, price: price, exitId: o.id, comment: o.comment)
            qty -= closed
            pruneExits()
        }
        if maxPositionSize.isFinite {
            qty = min(qty, max(0, maxPositionSize - abs(positionSize)))
        }
        if qty > 1e-12 {
            openTrade(side: side, qty: qty, price: price, id: o.id, comment: o.comment)
        }
        handleOCA(o, filledQty: o.qty)
    }

    func executeClose(_ o: PendingOrder, price rawPrice: Double) {
        let dir = o.direction
        guard openTrades.first?.direction == dir else { return }
        let price = snap(rawPrice - dir.sign * slippagePrice, buying: dir == .short)
        let qty = closeQuantity(o, entryId: o.closeAll ? nil : o.id)
        closeTrades(
            direction: dir, entryId: o.closeAll ? nil : o.id, qty: qty, price: price,
            exitId: o.closeAll ? "Close position order" : o.id, comment: o.comment)
    }

    func executeExit(_ o: PendingOrder, rawPrice: Double, slipped: Bool, comment: String?) {
        guard let dir = openTrades.first?.direction else { return }
        let raw = slipped ? rawPrice - dir.sign * slippagePrice : rawPrice
        let price = snap(raw, buying: dir == .short)
        let qty = closeQuantity(o, entryId: o.fromEntry)
        closeTrades(direction: dir, entryId: o.fromEntry, qty: qty, price: price, exitId: o.id, comment: comment)
    }

    /// The quantity an exit/close order closes: explicit qty, percent of
    /// the matched trades, or all of them.
    func closeQuantity(_ o: PendingOrder, entryId: String?) -> Double {
        if !o.qty.isNaN { return o.qty }
        if !o.qtyPercent.isNaN {
            var total = 0.0
            for t in openTrades where entryId == nil || t.entryId == entryId { total += t.qty }
            return floorToLot(total * o.qtyPercent / 100)
        }
        return .infinity
    }

    func openTrade(side: TradeDirection, qty: Double, price: Double, id: String, comment: String?) {
        var t = OpenTrade(
            direction: side, entryId: id, entryComment: comment, entryPrice: price, entryTime: barTime,
            entryBar: barIndex, qty: qty, entryCommission: commission(price: price, qty: qty),
            bestPrice: price, worstPrice: price, sequence: tradeSequence)
        if pricedFill && !pathExcursions {
            t.entryMask = extremesBefore(price)
            if !t.entryMask.isEmpty { maskedEntryBar = barIndex }
        }
        tradeSequence += 1
        openTrades.append(t)
    }

    /// Without the magnifier, the extremes of the bar that its 4-point path
    /// reaches before it first touches `price` (none when it never does).
    /// The reference engine places a priced fill on the bar by this
    /// geometry alone, with exact comparisons: a gap fill snapped one
    /// floating-point step beyond the open is not on the first leg, so it
    /// comes after the nearer extreme; a trailing stop is placed where its
    /// fill price is first touched, not where it was armed.
    @inline(__always)
    func extremesBefore(_ price: Double) -> ExtremeMask {
        guard let pos = PricePath.touchPosition(of: price, open: barOpen, high: barHigh, low: barLow, close: barClose)
        else { return [] }
        let highFirst = abs(barHigh - barOpen) < abs(barOpen - barLow)
        var mask: ExtremeMask = []
        if (highFirst ? 1.0 : 2.0) < pos { mask.insert(.high) }
        if (highFirst ? 2.0 : 1.0) < pos { mask.insert(.low) }
        return mask
    }

    /// Closes up to `qty` of the open trades of `direction` (all, or those
    /// of `entryId`), oldest first, at `price`. Returns the quantity closed.
    @discardableResult
    func closeTrades(
        direction: TradeDirection, entryId: String?, qty: Double, price: Double, exitId: String,
        comment: String?
    ) -> Double {
        var remaining = qty
        var closedQty = 0.0
        var matchedTotal = 0.0
        for t in openTrades where t.direction == direction && (entryId == nil || t.entryId == entryId) {
            matchedTotal += t.qty
        }
        let fillQty = min(matchedTotal, qty)
        guard fillQty > 0 else { return 0 }
        // close_entries_rule FIFO: the quantity is the named entries', but
        // the oldest open entries are the ones closed.
        let fifoByName = closeRule == .fifo && entryId != nil
        let entryId = fifoByName ? nil : entryId
        if fifoByName { remaining = fillQty }
        let orderCommission = commissionType == .cashPerOrder ? commissionValue : .nan
        var i = 0
        while i < openTrades.count && remaining > 1e-12 {
            var t = openTrades[i]
            guard t.direction == direction, entryId == nil || t.entryId == entryId else {
                i += 1
                continue
            }
            // A remainder within float error of the whole trade closes it whole.
            let cq = remaining >= t.qty * (1 - 1e-12) ? t.qty : remaining
            remaining -= cq
            closedQty += cq
            // The closed part's excursions take in the fill price and,
            // without the magnifier, what a priced fill folds in from the
            // bar (the part that stays open keeps its own).
            var best = t.bestPrice
            var worst = t.worstPrice
            let isLong = t.direction == .long
            @inline(__always) func reach(_ p: Double) {
                if isLong {
                    if p > best { best = p }
                    if p < worst { worst = p }
                } else {
                    if p < best { best = p }
                    if p > worst { worst = p }
                }
            }
            reach(price)
            if pricedFill && !pathExcursions {
                // The bar's extremes reached before the fill price, unless
                // they came before this trade's own entry on its entry bar,
                // and the best price of a trailing stop that filled.
                var reached = extremesBefore(price)
                if t.entryBar == barIndex { reached.subtract(t.entryMask) }
                if reached.contains(.high) { reach(barHigh) }
                if reached.contains(.low) { reach(barLow) }
                if !pricedFillTrailPeak.isNaN { reach(pricedFillTrailPeak) }
            }
            let full = cq >= t.qty
            let entryComm = full ? t.entryCommission : t.entryCommission * (cq / t.qty)
            let exitComm =
                orderCommission.isNaN ? commission(price: price, qty: cq) : orderCommission * (cq / fillQty)
            let s = t.direction.sign
            let gross = (price - t.entryPrice) * s * cq * pointValue
            let pnl = gross - entryComm - exitComm
            let runup = max(0, (best - t.entryPrice) * s * cq * pointValue - entryComm)
            let drawdown = (t.entryPrice - worst) * s * cq * pointValue + entryComm
            let record = ClosedTrade(
                direction: t.direction, entryId: t.entryId, exitId: exitId, entryComment: t.entryComment,
                exitComment: comment, entryTime: t.entryTime, exitTime: barTime, entryPrice: t.entryPrice,
                exitPrice: price, entryBar: t.entryBar, exitBar: barIndex, qty: cq, pnl: pnl,
                pnlPercent: pnl / (t.entryPrice * cq * pointValue) * 100, commission: entryComm + exitComm,
                maxRunup: runup, maxDrawdown: drawdown)
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
            if full {
                openTrades.remove(at: i)
            } else {
                t.qty -= cq
                t.entryCommission -= entryComm
                openTrades[i] = t
                i += 1
            }
        }
        return closedQty
    }

    /// Applies an order's OCA group after it filled.
    func handleOCA(_ o: PendingOrder, filledQty: Double) {
        guard let name = o.ocaName else { return }
        switch o.ocaType {
        case .none: return
        case .cancel:
            removeOrders { $0.ocaName == name && $0.kind != .close }
        case .reduce:
            var i = 0
            while i < orders.count {
                if orders[i].ocaName == name && orders[i].kind != .close {
                    orders[i].qty -= filledQty
                    if !(orders[i].qty > 1e-12) {
                        orders.remove(at: i)
                        continue
                    }
                }
                i += 1
            }
        }
    }

    /// Attaches exits to their trades and drops attached exits whose trades
    /// are all closed.
    func pruneExits() {
        var i = 0
        while i < orders.count {
            if orders[i].kind == .exit {
                if let dir = matchedDirection(fromEntry: orders[i].fromEntry) {
                    orders[i].attached = true
                    orders[i].direction = dir
                } else if orders[i].attached {
                    orders.remove(at: i)
                    continue
                }
            }
            i += 1
        }
    }

    /// Updates every open trade's excursions with a price the magnifier's
    /// path reached (without the magnifier, `reachExtremes` and the fills
    /// update them by the bar).
    @inline(__always)
    func updateExcursions(_ price: Double) {
        if !pathExcursions || openTrades.isEmpty { return }
        for i in openTrades.indices { extendExcursion(i, high: price, low: price) }
    }

    /// Advances the trailing stops after a path segment: the best price
    /// follows the segment's end when the segment moved in the trade's
    /// favour (the open and flat segments do not move it).
    @inline(__always)
    func updateTrails(from start: Double, to end: Double) {
        if openTrades.isEmpty || end == start { return }
        for i in orders.indices where orders[i].kind == .exit && !orders[i].trailOffset.isNaN {
            guard let ref = exitReference(orders[i]) else { continue }
            if (end - start) * ref.direction.sign > 0 { updateTrail(i, price: end) }
        }
    }

    func updateTrail(_ i: Int, price: Double) {
        let o = orders[i]
        guard let ref = exitReference(o) else { return }
        let s = ref.direction.sign
        if !o.trailActive {
            var activation = o.trailPrice
            if activation.isNaN {
                guard !o.trailPoints.isNaN else { return }
                activation = normalizedLevel(ref.entryPrice + s * o.trailPoints * mintick)
            }
            let tol = mintick * 1e-9
            guard (price - activation) * s >= -tol else { return }
            orders[i].trailActive = true
            orders[i].trailBest = price
        } else if (price - o.trailBest) * s > 0 {
            orders[i].trailBest = price
        }
    }
}
