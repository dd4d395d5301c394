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
        let key = engine.book.labels.label(id)
        // Placing an id again replaces its pending order (sized anew).
        engine.book.remove { ($0.kind == .entry || $0.kind == .order) && $0.id == key }
        let l = Self.given(limit)
        let s = Self.given(stop)
        let isMarket = l.isNaN && s.isNaN
        // The position as the market orders already placed will leave it.
        let (position, entries) = projectedPosition()
        // An entry in the direction of a position already at the pyramiding
        // limit is not placed; the limit is checked here, not at the fill.
        if kind == .entry && position * direction.sign > 0 && entries >= engine.limits.maxEntries { return }
        let explicitQty = Self.given(qty)
        let size = orderQuantity(explicit: explicitQty, direction: direction)
        guard size > 0, size.isFinite else { return }
        // A market entry from flat whose margin exceeds the equity is not
        // placed. An explicit quantity is valued at the close; a default
        // size at the price it was sized at, so 100 % of the equity (with
        // or without slippage) needs exactly the equity.
        if kind == .entry && isMarket && position == 0 {
            let price = explicitQty.isNaN ? sizingPrice(direction) : engine.markPrice
            if exceedsMargin(qty: size, at: price, direction: direction) { return }
        }
        var o = PendingOrder(kind: kind, id: key, direction: direction)
        o.qty = size
        // An entry's size is fixed now: its own quantity plus the opposite
        // position it has to reverse.
        if kind == .entry && position * direction.sign < 0 { o.reverseQty = abs(position) }
        o.limit = l.isNaN ? .nan : engine.rules.normalizedLevel(l)
        o.stop = s.isNaN ? .nan : engine.rules.normalizedLevel(s)
        o.ocaName = engine.book.labels.label(ocaName)
        o.ocaType = ocaName == nil ? .none : (ocaType ?? .none)
        o.comment = engine.book.labels.label(comment)
        engine.book.append(o)
    }

    /// The signed position and its number of open entries once the pending
    /// market orders (all placed in this execution) have filled, in the
    /// order they fill: the closes with what they captured, then the
    /// entries and orders with their fixed sizes (each group in placement
    /// order).
    func projectedPosition() -> (size: Double, entries: Int) {
        let ledger = engine.ledger
        var size = ledger.positionSize
        var entries = ledger.openTrades.count
        // Pass 0: the closes; pass 1: the entries and orders.
        for pass in 0..<2 {
            for o in engine.book.orders where o.isMarket && (o.kind == .close) == (pass == 0) {
                project(o, id: engine.book.labels.name(o.id), ledger: ledger, size: &size, entries: &entries)
            }
        }
        return (size, entries)
    }

    /// Applies one pending market order to a projected position.
    @inline(__always)
    private func project(_ o: PendingOrder, id: String, ledger: TradeLedger, size: inout Double, entries: inout Int) {
        let before = size
        switch o.kind {
        case .close:
            // A close whose side is gone by its fill is left alone.
            guard size * o.direction.sign > 0 else { return }
            size -= o.direction.sign * min(o.qty, abs(size))
            if o.closeAll {
                entries = 0
            } else {
                for t in ledger.openTrades where t.entryId == id { entries -= 1 }
            }
        case .entry, .order:
            size += o.direction.sign * (o.kind == .entry ? o.qty + o.reverseQty : o.qty)
        case .exit:
            return
        }
        if abs(size) < 1e-12 {
            size = 0
            entries = 0
        } else if before * size <= 0 {
            entries = 1
        } else if o.kind == .entry && size * o.direction.sign > 0 {
            entries += 1
        } else if entries < 1 {
            entries = 1
        }
    }

    /// True when `qty` at `price`, at the side's margin, needs more than the
    /// equity. Rounding error is not a shortfall: a requirement within a
    /// billionth of the equity fits (a size computed as equity / price can
    /// come back one unit in the last place above the equity).
    func exceedsMargin(qty: Double, at price: Double, direction: TradeDirection) -> Bool {
        let p = settings.properties
        let margin = direction == .long ? p.marginLong : p.marginShort
        let required = qty * price * engine.rules.pointValue * margin / 100 * currencyRate
        let available = equity
        return required - available > abs(available) * 1e-9
    }

    /// The price the default size of a market entry is computed at: the
    /// current close moved by the slippage against the entry.
    func sizingPrice(_ direction: TradeDirection) -> Double {
        engine.markPrice + direction.sign * engine.rules.slippagePrice
    }

    /// The quantity of a new entry: the explicit `qty`, else the strategy's
    /// default sizing evaluated at the current price.
    func orderQuantity(explicit: Double, direction: TradeDirection) -> Double {
        if !explicit.isNaN { return engine.rules.floorToLot(explicit) }
        return defaultQuantity(at: sizingPrice(direction))
    }

    /// The strategy's default entry size for a fill at `price`
    /// (`strategy.default_entry_qty(fill_price)`). Cash and equity are in
    /// the strategy's currency: a contract costs `price` converted at the
    /// current bar's rate.
    public func defaultQuantity(at price: Double) -> Double {
        let p = settings.properties
        let rules = engine.rules
        // A contract's value in the strategy's currency, per unit of price.
        let pointValue = rules.pointValue * currencyRate
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
        var o = PendingOrder(kind: .exit, id: engine.book.labels.label(id), direction: .long)
        o.fromEntry = engine.book.labels.label(from)
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
        guard !o.profitTicks.isNaN || !o.lossTicks.isNaN || !o.limit.isNaN || !o.stop.isNaN || o.hasTrail else {
            return
        }
        // The orders of a named exit reduce the other orders of its group
        // by what they fill (the only OCA type an exit has).
        o.ocaName = engine.book.labels.label(ocaName)
        o.ocaType = o.ocaName.isNone ? .none : .reduce
        o.comment = engine.book.labels.label(comment)
        o.commentProfit = engine.book.labels.label(commentProfit)
        o.commentLoss = engine.book.labels.label(commentLoss)
        o.commentTrailing = engine.book.labels.label(commentTrailing)
        // The exit's earlier orders on another entry, and its order still
        // waiting for a fill, are replaced. Its orders bound to trades keep
        // the quantity they hold and their trail (activated or not, best
        // price); they take the new levels and move behind the orders placed
        // before this call.
        let retaken = engine.book.retakeExits(o)
        if o.hasTrail { armTrails(retaken) }
        // Every open trade of its entry without this exit gets one, holding
        // what the trade's other exits leave; with none open it waits. It also
        // waits for trades opened later that it covers: any, until the
        // position closes, without `from_entry`; the fills of entry orders
        // of its id still pending now, with one.
        if from == nil {
            o.keepsWaiting = true
        } else {
            let key = o.fromEntry
            o.keepsWaiting = engine.book.orders.contains { ($0.kind == .entry || $0.kind == .order) && $0.id == key }
        }
        var bound = false
        let start = engine.book.orders.count
        for t in engine.ledger.openTrades where from == nil || t.entryId == from {
            bound = true
            if engine.book.isBound(t.sequence) { continue }
            engine.book.append(o.bound(to: t))
        }
        let added = start..<engine.book.orders.count
        if o.hasTrail { armTrails(added) }
        engine.book.reserveBound(added, ledger: engine.ledger, rules: engine.rules)
        if !bound || o.keepsWaiting {
            o.sawPosition = bound
            o.firstUnboundTrade = engine.ledger.tradeSequence
            engine.book.append(o)
            if from != nil { engine.book.mayHoldOrphanExits = true }
        }
    }

    /// Arms the trailing stops of the bound exits at `range` against the
    /// current price as they are placed: already beyond its activation
    /// level, a trail starts trailing from here.
    private func armTrails(_ range: Range<Int>) {
        for i in range { engine.updateTrail(i, price: engine.markPrice) }
    }

    /// `strategy.close`: closes the entries with id `id` at market (next
    /// open, or this close with `immediately`).
    public func close(
        _ id: String, qty: Double? = nil, qtyPercent: Double? = nil, immediately: Bool = false,
        comment: String? = nil
    ) {
        guard acceptsOrders, let dir = engine.ledger.direction(ofEntry: id) else { return }
        var o = PendingOrder(kind: .close, id: engine.book.labels.label(id), direction: dir)
        // The side and quantity are captured now: the close takes at most that.
        let open = engine.ledger.quantity(ofEntry: id)
        let explicit = Self.given(qty)
        let percent = Self.given(qtyPercent)
        if !explicit.isNaN {
            o.qty = min(explicit, open)
        } else if !percent.isNaN {
            o.qty = engine.rules.floorToLot(open * percent / 100)
        } else {
            o.qty = open
        }
        o.comment = engine.book.labels.label(comment)
        placeClose(o, immediately: immediately)
    }

    /// `strategy.close_all`: closes the whole position at market.
    public func closeAll(immediately: Bool = false, comment: String? = nil) {
        guard acceptsOrders, let dir = engine.ledger.direction else { return }
        var o = PendingOrder(kind: .close, id: engine.book.labels.label(""), direction: dir)
        o.closeAll = true
        o.qty = engine.ledger.openQuantity
        o.comment = engine.book.labels.label(comment)
        placeClose(o, immediately: immediately)
    }

    func placeClose(_ order: PendingOrder, immediately: Bool) {
        if immediately {
            var o = order
            o.sequence = engine.book.takeSequence()
            let (opened, closed) = (engine.ledger.tradeSequence, engine.ledger.closedTrades.count)
            engine.executeClose(o, price: engine.markPrice)
            engine.book.pruneExits(engine.ledger, rules: engine.rules)
            engine.countFill(openedBefore: opened, closedBefore: closed)
            if engine.fillLimitReached { acceptsOrders = false }
            return
        }
        // A repeated close keeps the first order in its place.
        if engine.book.orders.contains(where: { $0.kind == .close && $0.closeAll == order.closeAll && $0.id == order.id }) {
            return
        }
        engine.book.append(order)
    }

    /// `strategy.cancel`: cancels the pending entry/order/exit orders with this id.
    /// Never gated by the trade window.
    public func cancel(_ id: String) {
        // An id no order has used matches none.
        guard let key = engine.book.labels.existing(id) else { return }
        engine.book.remove { $0.kind != .close && $0.id == key }
    }

    /// `strategy.cancel_all`: cancels every pending entry/order/exit order.
    public func cancelAll() {
        engine.book.remove { $0.kind != .close }
    }
}
