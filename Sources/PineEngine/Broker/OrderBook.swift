/// The orders waiting for a fill, in placement order, and the rules that
/// change them after a fill: one-cancels-all groups and exits that attach
/// to (and leave with) their trades.
///
/// A book may hold thousands of exits (a pyramid of many open trades, each
/// with its exits): every operation here is one pass over the book, or
/// touches only the orders it changes.
struct OrderBook: Sendable {
    /// Pending orders in placement order.
    var orders: [PendingOrder] = []
    /// The strings the orders' labels stand for.
    var labels = OrderLabels()
    /// The sequence number the next placed order gets.
    var nextSequence = 0
    /// True once an exit waiting for a named entry has been placed and not
    /// yet found bound or dropped: the per-bar orphan check runs only then.
    var mayHoldOrphanExits = false
    /// Reused storage (no allocation per call once warm): the orders being
    /// moved or bound, and the working lists of `reserveBound`.
    private var scratch: [PendingOrder] = []
    private var slots: [(trade: Int, slot: Int)] = []
    private var heldByTrade: [Double] = []
    private var laterHeld: [Double] = []
    /// `boundStamp[trade] == stamp`: the exit taken by `retakeExits` is bound
    /// to that trade (a new stamp per call, so nothing is cleared).
    private var boundStamp: [Int] = []
    private var stamp = 0

    /// Empties the book, keeping its storage.
    mutating func reset() {
        orders.removeAll(keepingCapacity: true)
        labels.reset()
        nextSequence = 0
        mayHoldOrphanExits = false
        boundStamp.removeAll(keepingCapacity: true)
        stamp = 0
    }

    @inline(__always) var isEmpty: Bool { orders.isEmpty }

    /// Adds an order behind the others.
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

    /// Removes the orders `predicate` selects, keeping the others in order.
    @inline(__always)
    mutating func remove(where predicate: (PendingOrder) -> Bool) {
        var write = 0
        for read in orders.indices where !predicate(orders[read]) {
            if write != read { orders[write] = orders[read] }
            write += 1
        }
        if write < orders.count { orders.removeLast(orders.count - write) }
    }

    /// Places exit `exit` again: its orders waiting for a fill, or bound to
    /// another entry's trades, are dropped; its orders bound to trades of
    /// its entry keep the quantity they hold and their trail (activated or
    /// not, best price), take the new levels and move behind the other
    /// orders, in their order. Returns the range they now occupy; the
    /// trades they are bound to answer true to `isBound` until the next call.
    mutating func retakeExits(_ exit: PendingOrder) -> Range<Int> {
        stamp += 1
        // The usual book holds the exit's orders as one run, all kept (the
        // exit was placed on the same bar before): the run moves to the end
        // in bulk and is updated in place.
        var first = -1
        var last = -1
        var found = 0
        var allKept = true
        for i in orders.indices where orders[i].kind == .exit && orders[i].id == exit.id {
            if first < 0 { first = i }
            last = i
            found += 1
            if !orders[i].attached || orders[i].fromEntry != exit.fromEntry { allKept = false }
        }
        if found == 0 { return orders.count..<orders.count }
        if !allKept || last - first + 1 != found { return retakeScattered(exit) }
        if last + 1 < orders.count {
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: orders[first...last])
            orders.removeSubrange(first...last)
            orders.append(contentsOf: scratch)
        }
        let range = (orders.count - found)..<orders.count
        for i in range { orders[i] = retaken(orders[i], as: exit) }
        return range
    }

    /// `retakeExits` for any book: one pass keeps the other orders in place
    /// and collects the exit's bound orders, which are then appended.
    private mutating func retakeScattered(_ exit: PendingOrder) -> Range<Int> {
        scratch.removeAll(keepingCapacity: true)
        var write = 0
        for read in orders.indices {
            let o = orders[read]
            if o.kind == .exit && o.id == exit.id {
                if o.attached && o.fromEntry == exit.fromEntry { scratch.append(o) }
                continue
            }
            if write != read { orders[write] = o }
            write += 1
        }
        if write < orders.count { orders.removeLast(orders.count - write) }
        let start = orders.count
        orders.append(contentsOf: scratch)
        for i in start..<orders.count { orders[i] = retaken(orders[i], as: exit) }
        return start..<orders.count
    }

    /// Bound exit `old` placed again as `exit`: the new levels, its trade,
    /// quantity and trail, and the next sequence number. Marks its trade.
    @inline(__always)
    private mutating func retaken(_ old: PendingOrder, as exit: PendingOrder) -> PendingOrder {
        var c = exit
        c.attached = true
        c.trade = old.trade
        c.refPrice = old.refPrice
        c.direction = old.direction
        c.reserved = old.reserved
        c.trailActive = old.trailActive
        c.trailBest = old.trailBest
        c.sequence = nextSequence
        nextSequence += 1
        while boundStamp.count <= old.trade { boundStamp.append(0) }
        boundStamp[old.trade] = stamp
        return c
    }

    /// True when the exit last taken by `retakeExits` holds trade `trade`.
    @inline(__always)
    func isBound(_ trade: Int) -> Bool {
        trade < boundStamp.count && boundStamp[trade] == stamp
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
        let name = o.ocaName
        guard !name.isNone else { return }
        switch o.ocaType {
        case .none: return
        case .cancel:
            remove { $0.ocaName == name && $0.kind != .close }
        case .reduce:
            var write = 0
            for read in orders.indices {
                var x = orders[read]
                if x.ocaName == name && x.kind != .close {
                    if x.kind == .exit {
                        // An exit holds what it reserved from its trade, or its
                        // explicit qty; one that closes all of whatever is open
                        // when it binds stays as it is.
                        if x.attached && !x.reserved.isNaN {
                            x.reserved -= filledQty
                            if !(x.reserved > 1e-12) { continue }
                        } else if !x.qty.isNaN {
                            x.qty -= filledQty
                            if !(x.qty > 1e-12) { continue }
                        }
                    } else {
                        x.qty -= filledQty
                        if !(x.qty > 1e-12) { continue }
                    }
                }
                orders[write] = x
                write += 1
            }
            if write < orders.count { orders.removeLast(orders.count - write) }
        }
    }

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
            if o.kind == .exit, !o.attached, !o.fromEntry.isNone {
                let from = o.fromEntry
                // Still waiting: checked again next bar.
                mayHoldOrphanExits = true
                if ledger.direction(ofEntry: labels[from]) != nil {
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

    /// Binds waiting exits to the open trades of their entry and drops bound
    /// exits whose position is gone (or has turned to the other side), in
    /// one pass over the book.
    mutating func pruneExits(_ ledger: TradeLedger, rules: InstrumentRules) {
        // The side of the last entry id looked up (the ledger does not change here).
        var lookedUp = OrderLabel(raw: -1)
        var lookedUpSide: TradeDirection? = nil
        var read = 0
        var write = 0
        while read < orders.count {
            let o = orders[read]
            var keep = true
            if o.kind == .exit {
                if o.fromEntry != lookedUp {
                    lookedUp = o.fromEntry
                    lookedUpSide = ledger.direction(ofEntry: labels[o.fromEntry])
                }
                if o.attached {
                    keep = lookedUpSide == o.direction
                } else if lookedUpSide != nil {
                    // A waiting exit binds to every open trade of its entry
                    // that has none of its orders yet, in its own place in the
                    // book: close the gap left by the exits dropped so far, then
                    // put the bound orders there (before it, if it keeps waiting).
                    if write < read {
                        orders.removeSubrange(write..<read)
                        read = write
                    }
                    let from = labels[o.fromEntry]
                    scratch.removeAll(keepingCapacity: true)
                    for t in ledger.openTrades where (from == nil || t.entryId == from) && t.sequence >= o.firstUnboundTrade {
                        scratch.append(o.bound(to: t))
                    }
                    var waiting = o
                    waiting.sawPosition = true
                    waiting.firstUnboundTrade = ledger.tradeSequence
                    let stays = o.keepsWaiting && (o.fromEntry.isNone || hasPendingEntry(o.fromEntry))
                    if stays { scratch.append(waiting) }
                    orders.replaceSubrange(read..<(read + 1), with: scratch)
                    let bound = read..<(read + scratch.count - (stays ? 1 : 0))
                    reserveBound(bound, ledger: ledger, rules: rules)
                    read = bound.upperBound + (stays ? 1 : 0)
                    write = read
                    continue
                } else if o.keepsWaiting && o.sawPosition && o.fromEntry.isNone {
                    // Without `from_entry` it covers trades until the position closes.
                    keep = false
                }
            }
            if keep {
                if write != read { orders[write] = o }
                write += 1
            }
            read += 1
        }
        if write < orders.count { orders.removeLast(orders.count - write) }
    }

    /// True when an entry (or `strategy.order`) order with id `id` is pending.
    private func hasPendingEntry(_ id: OrderLabel) -> Bool {
        for o in orders where (o.kind == .entry || o.kind == .order) && o.id == id { return true }
        return false
    }

    /// Fixes the quantities of the exits at `range`, just bound (in the
    /// ledger's order) to distinct open trades of one entry, each as it
    /// binds: its `qty`, or `qty_percent` of the trade's open quantity, or
    /// (neither, or 100%) the rest, never more than the exits already bound
    /// to the same trade leave, nor more than the exits of the same entry
    /// leave of its position (a fill may have closed other rows than its
    /// own trade's). The exits of the range count, for the ones after them,
    /// as soon as their own quantity is fixed.
    ///
    /// The sums run over the book in its order, as one exit's sum would: the
    /// exits before the range, then the range's fixed so far, then the ones
    /// after it. One pass over the book collects them.
    mutating func reserveBound(_ range: Range<Int>, ledger: TradeLedger, rules: InstrumentRules) {
        guard !range.isEmpty else { return }
        let from = orders[range.lowerBound].fromEntry
        let entryQty = ledger.quantity(ofEntry: labels[from])
        // The range's trades, sorted for lookup, and what the other exits hold of each.
        slots.removeAll(keepingCapacity: true)
        heldByTrade.removeAll(keepingCapacity: true)
        for (slot, i) in range.enumerated() {
            slots.append((orders[i].trade, slot))
            heldByTrade.append(0)
        }
        slots.sort { $0.trade < $1.trade }
        laterHeld.removeAll(keepingCapacity: true)
        var heldBefore = 0.0
        for k in orders.indices where !range.contains(k) && orders[k].kind == .exit && orders[k].attached {
            let r = orders[k].reserved
            guard !r.isNaN else { continue }
            if let slot = slot(ofTrade: orders[k].trade) { heldByTrade[slot] += r }
            if orders[k].fromEntry == from {
                if k < range.lowerBound { heldBefore += r } else { laterHeld.append(r) }
            }
        }
        for (slot, i) in range.enumerated() {
            let o = orders[i]
            let open = ledger.openQuantity(ofTrade: o.trade)
            var heldOfEntry = heldBefore
            for r in laterHeld { heldOfEntry += r }
            let available = max(0, min(open - heldByTrade[slot], entryQty - heldOfEntry))
            let wanted: Double
            if !o.qty.isNaN {
                wanted = o.qty
            } else if !o.qtyPercent.isNaN {
                wanted = rules.floorToLot(open * o.qtyPercent / 100)
            } else {
                wanted = available
            }
            let reserved = min(wanted, available)
            orders[i].reserved = reserved
            if !reserved.isNaN { heldBefore += reserved }
        }
    }

    /// The slot of trade `trade` in `slots` (sorted by trade), nil when absent.
    @inline(__always)
    private func slot(ofTrade trade: Int) -> Int? {
        var lo = 0
        var hi = slots.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if slots[mid].trade < trade { lo = mid + 1 } else { hi = mid }
        }
        return lo < slots.count && slots[lo].trade == trade ? slots[lo].slot : nil
    }
}
