/// The orders waiting for a fill, in placement order, and the rules that
/// change them after a fill: one-cancels-all groups and exits that attach
/// to (and leave with) their trades.
struct OrderBook: Sendable {
    /// Pending orders in placement order.
    var orders: [PendingOrder] = []
    /// The sequence number the next placed order gets.
    var nextSequence = 0
    /// True once an exit waiting for a named entry has been placed and not
    /// yet found bound or dropped: the per-bar orphan check runs only then.
    var mayHoldOrphanExits = false
    /// Reused storage for `takeBoundExits` (no allocation per call once warm).
    private var scratch: [PendingOrder] = []
    /// The trades the exit taken by `takeBoundExits` is bound to.
    private(set) var boundTrades: Set<Int> = []

    /// Empties the book, keeping its storage.
    mutating func reset() {
        orders.removeAll(keepingCapacity: true)
        nextSequence = 0
        mayHoldOrphanExits = false
    }

    @inline(__always) var isEmpty: Bool { orders.isEmpty }

    /// Adds an order behind the others.
    /// Removes exit `id`'s orders bound to trades, in one pass keeping the
    /// others in place, and returns them in book order (`boundTrades` then
    /// holds their trades). The returned array is reused by the next call.
    mutating func takeBoundExits(id: String) -> [PendingOrder] {
        scratch.removeAll(keepingCapacity: true)
        boundTrades.removeAll(keepingCapacity: true)
        var write = 0
        for read in orders.indices {
            let o = orders[read]
            if o.kind == .exit && o.id == id && o.attached {
                scratch.append(o)
                boundTrades.insert(o.trade)
            } else {
                if write != read { orders[write] = o }
                write += 1
            }
        }
        orders.removeLast(orders.count - write)
        return scratch
    }

    mutating func append(_ order: PendingOrder) {
        var o = order
        o.sequence = nextSequence
        nextSequence += 1
        orders.append(o)
    }

    /// Takes a sequence number for an order that fills without waiting.
    mutating func takeSequence() -> Int {
        defer { nextSequence += 1 }
        return nextSequence
    }

    @inline(__always)
    mutating func remove(where predicate: (PendingOrder) -> Bool) {
        var i = 0
        while i < orders.count {
            if predicate(orders[i]) { orders.remove(at: i) } else { i += 1 }
        }
    }

    /// The market order that fills next at a fill point: the first close in
    /// placement order, else the first market entry or order.
    @inline(__always)
    func nextMarketOrder() -> Int? {
        var firstEntry: Int? = nil
        for i in orders.indices where orders[i].isMarket {
            if orders[i].kind == .close { return i }
            if firstEntry == nil { firstEntry = i }
        }
        return firstEntry
    }

    /// Applies an order's one-cancels-all group after it filled `filledQty`.
    mutating func applyOCA(of o: PendingOrder, filledQty: Double) {
        guard let name = o.ocaName else { return }
        switch o.ocaType {
        case .none: return
        case .cancel:
            remove { $0.ocaName == name && $0.kind != .close }
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

    /// Binds waiting exits to the open trades of their entry and drops bound
    /// exits whose position is gone (or has turned to the other side).
    /// Drops the exits waiting for an entry id that is neither open nor
    /// pending once the script has run: `strategy.exit` with a `from_entry`
    /// matching no trade and no entry order creates no order (it does not
    /// wait for a later entry with that id).
    mutating func dropOrphanExits(_ ledger: TradeLedger) {
        guard mayHoldOrphanExits else { return }
        mayHoldOrphanExits = false
        var i = orders.count - 1
        while i >= 0 {
            let o = orders[i]
            if o.kind == .exit, !o.attached, let from = o.fromEntry {
                // Still waiting: checked again next bar.
                mayHoldOrphanExits = true
                if ledger.direction(ofEntry: from) != nil {
                    i -= 1
                    continue
                }
                var pending = false
                for p in orders where (p.kind == .entry || p.kind == .order) && p.id == from {
                    pending = true
                    break
                }
                if !pending { orders.remove(at: i) }
            }
            i -= 1
        }
    }

    mutating func pruneExits(_ ledger: TradeLedger, rules: InstrumentRules) {
        var i = 0
        while i < orders.count {
            guard orders[i].kind == .exit else {
                i += 1
                continue
            }
            let from = orders[i].fromEntry
            let side = ledger.direction(ofEntry: from)
            if orders[i].attached {
                if side != orders[i].direction {
                    orders.remove(at: i)
                    continue
                }
            } else if side != nil {
                // A waiting exit binds to every open trade of its entry, in
                // its own place in the book.
                let template = orders.remove(at: i)
                var bound = 0
                for t in ledger.openTrades where from == nil || t.entryId == from {
                    orders.insert(template.bound(to: t), at: i + bound)
                    reserve(i + bound, ledger: ledger, rules: rules)
                    bound += 1
                }
                i += bound
                continue
            }
            i += 1
        }
    }

    /// Fixes exit `i`'s quantity as it binds to its trade: its `qty`, or
    /// `qty_percent` of the trade's open quantity, or (neither, or 100%) the
    /// rest, never more than the exits already bound to the same trade
    /// leave, nor more than the exits of the same entry leave of its
    /// position (a fill may have closed other rows than its own trade's).
    mutating func reserve(_ i: Int, ledger: TradeLedger, rules: InstrumentRules) {
        let trade = orders[i].trade
        let from = orders[i].fromEntry
        var open = 0.0
        for t in ledger.openTrades where t.sequence == trade { open = t.qty }
        var held = 0.0
        var heldOfEntry = 0.0
        for k in orders.indices where k != i && orders[k].kind == .exit && orders[k].attached {
            guard !orders[k].reserved.isNaN else { continue }
            if orders[k].trade == trade { held += orders[k].reserved }
            if orders[k].fromEntry == from { heldOfEntry += orders[k].reserved }
        }
        let available = max(0, min(open - held, ledger.quantity(ofEntry: from) - heldOfEntry))
        let o = orders[i]
        let wanted: Double
        if !o.qty.isNaN {
            wanted = o.qty
        } else if !o.qtyPercent.isNaN {
            wanted = rules.floorToLot(open * o.qtyPercent / 100)
        } else {
            wanted = available
        }
        orders[i].reserved = min(wanted, available)
    }

    /// The index of exit `id` bound to trade `trade`, nil when there is none.
    func exitIndex(id: String, trade: Int) -> Int? {
        orders.firstIndex { $0.kind == .exit && $0.attached && $0.trade == trade && $0.id == id }
    }
}
