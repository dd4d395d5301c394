extension Broker {
    /// Treats NaN (Pine's `na`) as "not given".
    @inline(__always)
    static func given(_ value: Double?) -> Double {
        guard let value, !value.isNaN else { return .nan }
        return value
    }

    /// `strategy.entry`: a market, limit, stop or stop-limit entry. An entry
    /// opposite to the open position reverses it; same-direction entries
    /// beyond the pyramiding limit are ignored. Placing an id again replaces
    /// its pending order.
    public func entry(
        _ id: String, direction: TradeDirection, qty: Double? = nil, limit: Double? = nil,
        stop: Double? = nil, ocaName: String? = nil, ocaType: OCAType? = nil, comment: String? = nil
    ) {
        placeEntryOrOrder(
            kind: .entry, id: id, direction: direction, qty: qty, limit: limit, stop: stop,
            ocaName: ocaName, ocaType: ocaType, comment: comment)
    }

    /// `strategy.order`: a plain buy or sell that nets against the position
    /// (no reversal logic, no pyramiding limit).
    public func order(
        _ id: String, direction: TradeDirection, qty: Double? = nil, limit: Double? = nil,
        stop: Double? = nil, ocaName: String? = nil, ocaType: OCAType? = nil, comment: String? = nil
    ) {
        placeEntryOrOrder(
            kind: .order, id: id, direction: direction, qty: qty, limit: limit, stop: stop,
            ocaName: ocaName, ocaType: ocaType, comment: comment)
    }

    func placeEntryOrOrder(
        kind: OrderKind, id: String, direction: TradeDirection, qty: Double?, limit: Double?,
        stop: Double?, ocaName: String?, ocaType: OCAType?, comment: String?
    ) {
        guard acceptsOrders else { return }
        // An entry in the direction of a position already at the pyramiding
        // limit is not placed (TradingView rejects it when it is issued).
        if kind == .entry && engine.ledger.isPyramidingFull(direction, maxEntries: engine.limits.maxEntries) {
            engine.book.remove { ($0.kind == .entry || $0.kind == .order) && $0.id == id }
            return
        }
        let size = orderQuantity(explicit: Self.given(qty), direction: direction)
        guard size > 0, size.isFinite else { return }
        engine.book.remove { ($0.kind == .entry || $0.kind == .order) && $0.id == id }
        var o = PendingOrder(kind: kind, id: id, direction: direction)
        o.qty = size
        if kind == .entry, let pos = engine.ledger.direction, pos != direction {
            o.reverseQty = engine.ledger.openQuantity
        }
        let l = Self.given(limit)
        let s = Self.given(stop)
        o.limit = l.isNaN ? .nan : engine.rules.normalizedLevel(l)
        o.stop = s.isNaN ? .nan : engine.rules.normalizedLevel(s)
        o.ocaName = ocaName
        o.ocaType = ocaName == nil ? .none : (ocaType ?? .none)
        o.comment = comment
        engine.book.append(o)
    }

    /// The quantity of a new entry: the explicit `qty`, else the strategy's
    /// default sizing evaluated at the current price.
    func orderQuantity(explicit: Double, direction: TradeDirection) -> Double {
        if !explicit.isNaN { return engine.rules.floorToLot(explicit) }
        return defaultQuantity(at: engine.markPrice + direction.sign * engine.rules.slippagePrice)
    }

    /// The strategy's default entry size for a fill at `price`
    /// (`strategy.default_entry_qty(fill_price)`).
    public func defaultQuantity(at price: Double) -> Double {
        let p = settings.properties
        let rules = engine.rules
        let pointValue = rules.pointValue
        switch p.defaultQtyType {
        case .fixed:
            return rules.floorToLot(p.defaultQtyValue)
        case .cash:
            return rules.floorToLot(p.defaultQtyValue / (price * pointValue))
        case .percentOfEquity:
            var eq = initialCapital + netProfit + openProfit
            for t in engine.ledger.openTrades { eq -= t.entryCommission }
            let budget = eq * (p.defaultQtyValue / 100)
            let q: Double
            let commissionValue = rules.commissionValue
            switch rules.commissionType {
            case .percent?: q = budget / (price * pointValue * (1 + commissionValue / 100))
            case .cashPerContract?: q = budget / (price * pointValue + commissionValue)
            case .cashPerOrder?: q = (budget - commissionValue) / (price * pointValue)
            case nil: q = budget / (price * pointValue)
            }
            return rules.floorToLot(q)
        }
    }

    /// `strategy.exit`: a bracket on open entries (all of them, or those of
    /// `fromEntry`). `profit`/`loss`/`trailPoints`/`trailOffset` are in
    /// ticks, `limit`/`stop`/`trailPrice` are prices. It stays active until
    /// its trades are closed; placing the id again replaces its levels.
    public func exit(
        _ id: String, fromEntry: String? = nil, qty: Double? = nil, qtyPercent: Double? = nil,
        profit: Double? = nil, limit: Double? = nil, loss: Double? = nil, stop: Double? = nil,
        trailPrice: Double? = nil, trailPoints: Double? = nil, trailOffset: Double? = nil,
        ocaName: String? = nil, comment: String? = nil, commentProfit: String? = nil,
        commentLoss: String? = nil, commentTrailing: String? = nil
    ) {
        guard acceptsOrders else { return }
        let from = (fromEntry?.isEmpty ?? true) ? nil : fromEntry
        var o = PendingOrder(kind: .exit, id: id, direction: .long)
        o.fromEntry = from
        o.qty = Self.given(qty)
        o.qtyPercent = Self.given(qtyPercent)
        o.profitTicks = Self.given(profit)
        o.lossTicks = Self.given(loss)
        let l = Self.given(limit)
        let s = Self.given(stop)
        o.limit = l.isNaN ? .nan : engine.rules.normalizedLevel(l)
        o.stop = s.isNaN ? .nan : engine.rules.normalizedLevel(s)
        o.trailPrice = Self.given(trailPrice)
        o.trailPoints = Self.given(trailPoints)
        o.trailOffset = Self.given(trailOffset)
        let hasTrail = !o.trailOffset.isNaN && (!o.trailPoints.isNaN || !o.trailPrice.isNaN)
        guard !o.profitTicks.isNaN || !o.lossTicks.isNaN || !o.limit.isNaN || !o.stop.isNaN || hasTrail else {
            return
        }
        o.ocaName = ocaName
        o.comment = comment
        o.commentProfit = commentProfit
        o.commentLoss = commentLoss
        o.commentTrailing = commentTrailing
        if let i = engine.book.exitIndex(id: id) {
            let old = engine.book.orders[i]
            // Placing the exit again replaces it whole: its trailing stop
            // starts over (the reference engine re-arms it on every call).
            if old.fromEntry == from { o.attached = old.attached }
            engine.book.orders.remove(at: i)
        }
        if let dir = engine.ledger.direction(ofEntry: from) {
            o.direction = dir
            o.attached = true
        }
        engine.book.append(o)
        // A trailing stop is armed against the current price when it is
        // placed: already beyond its activation level, it starts trailing
        // from here.
        if hasTrail && o.attached { engine.updateTrail(engine.book.orders.count - 1, price: engine.markPrice) }
    }

    /// `strategy.close`: closes the entries with id `id` at market (next
    /// open, or this close with `immediately`).
    public func close(
        _ id: String, qty: Double? = nil, qtyPercent: Double? = nil, immediately: Bool = false,
        comment: String? = nil
    ) {
        guard acceptsOrders, let dir = engine.ledger.direction(ofEntry: id) else { return }
        var o = PendingOrder(kind: .close, id: id, direction: dir)
        o.qty = Self.given(qty)
        o.qtyPercent = Self.given(qtyPercent)
        o.comment = comment
        placeClose(o, immediately: immediately)
    }

    /// `strategy.close_all`: closes the whole position at market.
    public func closeAll(immediately: Bool = false, comment: String? = nil) {
        guard acceptsOrders, let dir = engine.ledger.direction else { return }
        var o = PendingOrder(kind: .close, id: "", direction: dir)
        o.closeAll = true
        o.comment = comment
        placeClose(o, immediately: immediately)
    }

    func placeClose(_ order: PendingOrder, immediately: Bool) {
        if immediately {
            var o = order
            o.sequence = engine.book.takeSequence()
            engine.executeClose(o, price: engine.markPrice)
            engine.book.pruneExits(engine.ledger)
            return
        }
        engine.book.remove { $0.kind == .close && $0.closeAll == order.closeAll && $0.id == order.id }
        engine.book.append(order)
    }

    /// `strategy.cancel`: cancels the pending entry/order/exit orders with this id.
    /// Never gated by the trade window.
    public func cancel(_ id: String) {
        engine.book.remove { $0.kind != .close && $0.id == id }
    }

    /// `strategy.cancel_all`: cancels every pending entry/order/exit order.
    public func cancelAll() {
        engine.book.remove { $0.kind != .close }
    }
}
