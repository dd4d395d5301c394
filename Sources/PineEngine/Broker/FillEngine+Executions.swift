/// What a fill does to the position: entries (with reversals), exits,
/// closes, and the excursion bookkeeping of priced fills without the
/// magnifier.
extension FillEngine {
    mutating func executeEntry(_ o: PendingOrder, rawPrice: Double, slipped: Bool, priced: Bool) {
        let side = o.direction
        let buying = side == .long
        let raw = slipped ? rawPrice + side.sign * rules.slippagePrice : rawPrice
        let price = rules.snap(raw, buying: buying)
        var qty = o.qty
        let id = book.labels.name(o.id)
        let comment = book.labels[o.comment]
        if o.kind == .entry {
            // The order's size was fixed when it was placed: its own quantity
            // plus the opposite position it then had to reverse. Filled
            // against a larger opposite position it only reduces it.
            // Filled when the position it was to reverse is already gone, it
            // opens its whole size (position 1 + qty 1 opens 2).
            let total = o.reverseQty + o.qty
            if let pos = ledger.direction, pos != side {
                let closed = ledger.close(
                    direction: pos, entryId: nil, qty: total, price: price, exitId: id, comment: comment,
                    at: clock, fold: fold(for: price, priced: priced), rules: rules, closeRule: limits.closeRule)
                book.pruneExits(ledger, rules: rules)
                qty = closed == o.reverseQty ? o.qty : total - closed
                if !(qty > 1e-12) || !ledger.openTrades.isEmpty {
                    book.applyOCA(of: o, filledQty: o.qty)
                    return
                }
            } else {
                qty = total
            }
            // Pyramiding was checked when the entry was placed.
            guard limits.allows(side) else {
                book.applyOCA(of: o, filledQty: o.qty)
                return
            }
        } else if let pos = ledger.direction, pos != side {
            let closed = ledger.close(
                direction: pos, entryId: nil, qty: qty, price: price, exitId: id, comment: comment,
                at: clock, fold: fold(for: price, priced: priced), rules: rules, closeRule: limits.closeRule)
            qty -= closed
            book.pruneExits(ledger, rules: rules)
        }
        if limits.maxPositionSize.isFinite {
            qty = min(qty, max(0, limits.maxPositionSize - abs(ledger.positionSize)))
        }
        if qty > 1e-12 {
            openTrade(side: side, qty: qty, price: price, id: id, comment: comment, priced: priced)
        }
        book.applyOCA(of: o, filledQty: o.qty)
    }

    /// A `strategy.close` / `close_all` order filling at market (`onPath`:
    /// at a point inside the bar's path, see `fillMarketOrders`).
    mutating func executeClose(_ o: PendingOrder, price rawPrice: Double, onPath: Bool = false) {
        let dir = o.direction
        guard ledger.direction == dir else { return }
        let price = rules.snap(rawPrice - dir.sign * rules.slippagePrice, buying: dir == .short)
        let id = book.labels.name(o.id)
        let qty = closeQuantity(o, entryId: o.closeAll ? nil : id)
        ledger.close(
            direction: dir, entryId: o.closeAll ? nil : id, qty: qty, price: price,
            exitId: o.closeAll ? "Close position order" : id, comment: book.labels[o.comment], at: clock,
            fold: onPath ? fold(for: price, priced: true) : .priceOnly,
            rules: rules, closeRule: limits.closeRule)
    }

    /// A `strategy.exit` leg filling at `rawPrice` (a trailing stop passes its best price).
    mutating func executeExit(_ o: PendingOrder, rawPrice: Double, slipped: Bool, comment: String?, trailPeak: Double) {
        guard let dir = ledger.direction else { return }
        let raw = slipped ? rawPrice - dir.sign * rules.slippagePrice : rawPrice
        let price = rules.snap(raw, buying: dir == .short)
        let from = book.labels[o.fromEntry]
        let qty = closeQuantity(o, entryId: from)
        var f = fold(for: price, priced: true)
        f.trailPeak = f.isActive ? trailPeak : .nan
        ledger.close(
            direction: dir, entryId: from, qty: qty, price: price, exitId: book.labels.name(o.id), comment: comment,
            at: clock, fold: f, rules: rules, closeRule: limits.closeRule)
    }

    /// The quantity an exit/close order closes: what an exit reserved or a
    /// close captured, else explicit qty, percent of the matched trades, or
    /// all of them.
    func closeQuantity(_ o: PendingOrder, entryId: String?) -> Double {
        if o.kind == .exit && !o.reserved.isNaN { return o.reserved }
        if !o.qty.isNaN { return o.qty }
        if !o.qtyPercent.isNaN {
            return rules.floorToLot(ledger.quantity(ofEntry: entryId) * o.qtyPercent / 100)
        }
        return .infinity
    }

    /// Closes the whole position at the current price (a risk rule was hit).
    mutating func flatten(comment: String) {
        book.remove { _ in true }
        if let dir = ledger.direction {
            var o = PendingOrder(kind: .close, id: book.labels.label(""), direction: dir)
            o.closeAll = true
            o.comment = book.labels.label(comment)
            executeClose(o, price: markPrice)
        }
    }

    mutating func openTrade(side: TradeDirection, qty: Double, price: Double, id: String, comment: String?, priced: Bool) {
        var t = OpenTrade(
            direction: side, entryId: id, entryComment: comment, entryPrice: price, entryTime: clock.time,
            entryBar: clock.index, qty: qty, entryCommission: rules.commission(price: price, qty: qty, rate: ledger.rate),
            bestPrice: price, worstPrice: price, sequence: 0)
        if priced && !pathExcursions {
            t.entryMask = extremesBefore(price)
            if !t.entryMask.isEmpty { maskedEntryBar = clock.index }
        }
        if ledger.openTrades.isEmpty {
            // A new position (from flat, or the rest of a reversal): the
            // margin check sees the path from this point on (`markPrice`,
            // the path's price at the fill). Opened after the bar's check
            // (on the close), it is checked on the next bar, all of it.
            if marginCheckBar == clock.index {
                positionPathBar = -1
            } else {
                positionPathBar = clock.index
                positionPathLow = markPrice
                positionPathHigh = markPrice
            }
        }
        ledger.open(t)
    }

    /// What a fill at `price` folds into the excursions of the trades it
    /// closes: without the magnifier, a priced fill folds in the bar's
    /// extremes its path reached before the price.
    @inline(__always)
    func fold(for price: Double, priced: Bool) -> ExcursionFold {
        guard priced && !pathExcursions else { return .priceOnly }
        return ExcursionFold(isActive: true, reached: extremesBefore(price), high: barHigh, low: barLow, trailPeak: .nan)
    }

    /// Without the magnifier, the extremes of the bar that its 4-point path
    /// reaches before it first touches `price` (none when it never does).
    /// A priced fill is placed on the bar by this geometry alone, with
    /// exact comparisons: a gap fill snapped one floating-point step beyond
    /// the open is not on the first leg, so it comes after the nearer
    /// extreme; a trailing stop is placed where its fill price is first
    /// touched, not where it was armed.
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
}
