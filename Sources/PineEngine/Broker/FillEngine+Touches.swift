/// Finding the order a path segment touches first, and the trailing stops
/// that follow the path.
extension FillEngine {
    /// Where a level is touched on the segment cur -> to. `up`: the order
    /// triggers when the price is at or above the level.
    @inline(__always)
    func touchDistance(level: Double, up: Bool, from cur: Double, to end: Double) -> (Double, Bool)? {
        let tol = rules.mintick * 1e-9
        if up {
            if cur >= level - tol { return (0, true) }
            if end >= level - tol { return (level - cur, false) }
        } else {
            if cur <= level + tol { return (0, true) }
            if end <= level + tol { return (cur - level, false) }
        }
        return nil
    }

    func firstTouch(from cur: Double, to end: Double) -> PathTouch? {
        var best: PathTouch? = nil
        let orders = book.orders
        let mintick = rules.mintick
        let limitBeyond = rules.limitBeyond
        @inline(__always) func consider(_ i: Int, _ leg: TouchLeg, _ level: Double, _ up: Bool, _ isStop: Bool) {
            // A limit order is reached once the price is `limitBeyond` past its level.
            let trigger = isStop || limitBeyond == 0 ? level : (up ? level + limitBeyond : level - limitBeyond)
            guard !level.isNaN, let (d, imm) = touchDistance(level: trigger, up: up, from: cur, to: end) else { return }
            // The level is touched as given; it fills at the first price on the
            // tick grid at or beyond it (levels hit from below round up, levels
            // hit from above round down).
            let cand = PathTouch(
                orderIndex: i, leg: leg, level: trigger, fillPrice: rules.snap(level, buying: up), isStop: isStop,
                distance: d, immediate: imm, sequence: orders[i].sequence, buys: up)
            if let b = best {
                // Ties: the stop first; an open exactly at a buy stop and a
                // sell stop entry fills the buy first; else placement order.
                if d < b.distance || (d == b.distance && isStop && !b.isStop) {
                    best = cand
                } else if d == b.distance && isStop == b.isStop {
                    let buyFirst = d == 0 && isStop && leg == .entryPrice && b.leg == .entryPrice && up != b.buys
                    if buyFirst ? up : cand.sequence < b.sequence { best = cand }
                }
            } else {
                best = cand
            }
        }
        for i in orders.indices {
            let o = orders[i]
            switch o.kind {
            case .close:
                continue
            case .entry, .order:
                if o.isMarket { continue }
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
                // An exit left nothing of its entry by the exits before it closes nothing.
                // Waiting for its entry, or holding nothing of its trade.
                if !o.attached || !(o.reserved > 1e-12) { continue }
                let long = o.direction == .long
                let s = o.direction.sign
                // Ticks count from the entry price of the exit's trade. With both
                // a price and a distance, the level the price reaches first
                // acts: the nearer take-profit and the nearer stop-loss.
                var lim = o.limit
                if !o.profitTicks.isNaN {
                    let byTicks = rules.normalizedLevel(o.refPrice + s * o.profitTicks * mintick)
                    lim = lim.isNaN ? byTicks : (long ? min(lim, byTicks) : max(lim, byTicks))
                }
                var stp = o.stop
                if !o.lossTicks.isNaN {
                    let byTicks = rules.normalizedLevel(o.refPrice - s * o.lossTicks * mintick)
                    stp = stp.isNaN ? byTicks : (long ? max(stp, byTicks) : min(stp, byTicks))
                }
                consider(i, .exitLimit, lim, long, false)
                consider(i, .exitStop, stp, !long, true)
                if o.hasTrail {
                    if o.trailActive {
                        let level = rules.normalizedLevel(o.trailBest - s * o.trailOffsetTicks * mintick)
                        consider(i, .exitTrail, level, !long, true)
                    } else if o.trailOffsetTicks == 0 {
                        // No offset: the exit is at the activation level,
                        // filled where the path reaches it.
                        consider(i, .exitTrail, trailActivation(o, entryPrice: o.refPrice, sign: s), long, true)
                    }
                }
            }
        }
        return best
    }

    /// Fills (or, for a stop-limit's stop, triggers) the touched order at `point`.
    mutating func execute(_ t: PathTouch, at point: Double) {
        let i = t.orderIndex
        let (opened, closed) = (ledger.tradeSequence, ledger.closedTrades.count)
        defer { countFill(openedBefore: opened, closedBefore: closed) }
        switch t.leg {
        case .stopTrigger:
            book.orders[i].stopTriggered = true
        case .entryPrice:
            let o = book.orders.remove(at: i)
            executeEntry(o, rawPrice: point, slipped: t.isStop, priced: true)
            book.pruneExits(ledger, rules: rules)
        case .exitLimit, .exitStop, .exitTrail:
            let o = book.orders.remove(at: i)
            let comment: String?
            var trailPeak = Double.nan
            switch t.leg {
            case .exitLimit: comment = book.labels[o.commentProfit] ?? book.labels[o.comment]
            case .exitStop: comment = book.labels[o.commentLoss] ?? book.labels[o.comment]
            default:
                comment = book.labels[o.commentTrailing] ?? book.labels[o.comment]
                trailPeak = o.trailBest
            }
            // Only a named exit reduces its group: the quantity it closed is
            // measured for it alone.
            let named = !o.ocaName.isNone
            let before = named ? ledger.openQuantity : 0
            executeExit(o, rawPrice: point, slipped: t.isStop, comment: comment, trailPeak: trailPeak)
            if named { book.applyOCA(of: o, filledQty: before - ledger.openQuantity) }
            book.pruneExits(ledger, rules: rules)
        }
    }

    /// Advances the trailing stops after a path segment: the best price
    /// follows the segment's end when the segment moved in the trade's
    /// favour (the open and flat segments do not move it).
    @inline(__always)
    mutating func updateTrails(from start: Double, to end: Double) {
        if ledger.openTrades.isEmpty || end == start { return }
        for i in book.orders.indices where book.orders[i].hasTrail && book.orders[i].attached {
            if (end - start) * book.orders[i].direction.sign > 0 { updateTrail(i, price: end) }
        }
    }

    /// Arms exit `i`'s trailing stop once `price` reaches its activation
    /// level, and moves its best price.
    mutating func updateTrail(_ i: Int, price: Double) {
        let o = book.orders[i]
        guard o.attached else { return }
        let s = o.direction.sign
        if !o.trailActive {
            let activation = trailActivation(o, entryPrice: o.refPrice, sign: s)
            let tol = rules.mintick * 1e-9
            guard (price - activation) * s >= -tol else { return }
            book.orders[i].trailActive = true
            book.orders[i].trailBest = price
        } else if (price - o.trailBest) * s > 0 {
            book.orders[i].trailBest = price
        }
    }

    /// Where exit `o`'s trail activates for an entry at `entryPrice`
    /// (`sign` +1 long, -1 short): `trail_price`, or `trail_points` ticks
    /// from the entry (without an offset rounded up to whole ticks, since
    /// the exit is at that level); with both, the one reached first.
    @inline(__always)
    func trailActivation(_ o: PendingOrder, entryPrice: Double, sign s: Double) -> Double {
        if o.trailPoints.isNaN { return o.trailPrice }
        let ticks = o.trailOffsetTicks == 0 ? rules.ceilTicks(o.trailPoints) : o.trailPoints
        let byTicks = rules.normalizedLevel(entryPrice + s * ticks * rules.mintick)
        if o.trailPrice.isNaN { return byTicks }
        // Both given: the level that activates the trail first.
        return s > 0 ? min(o.trailPrice, byTicks) : max(o.trailPrice, byTicks)
    }
}
