/// The orders waiting for a fill, in placement order, and the rules that
/// change them after a fill: one-cancels-all groups and exits that attach
/// to (and leave with) their trades.
struct OrderBook: Sendable {
    /// Pending orders in placement order.
    var orders: [PendingOrder] = []
    /// The sequence number the next placed order gets.
    var nextSequence = 0

    /// Empties the book, keeping its storage.
    mutating func reset() {
        orders.removeAll(keepingCapacity: true)
        nextSequence = 0
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

    /// The index of the pending exit `id`.
    func exitIndex(id: String) -> Int? {
        orders.firstIndex { $0.kind == .exit && $0.id == id }
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

    /// Attaches exits to their open trades and drops attached exits whose
    /// trades are all closed.
    mutating func pruneExits(_ ledger: TradeLedger, rules: InstrumentRules) {
        var i = 0
        while i < orders.count {
            if orders[i].kind == .exit {
                if let dir = ledger.direction(ofEntry: orders[i].fromEntry) {
                    if !orders[i].attached || orders[i].reserved.isNaN { reserve(i, ledger: ledger, rules: rules) }
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

    /// Fixes exit `i`'s quantity as it attaches: its `qty`, or `qty_percent`
    /// of its entry's open quantity, or (neither, or 100%) the rest, never
    /// more than the exits already attached to the same entry leave.
    mutating func reserve(_ i: Int, ledger: TradeLedger, rules: InstrumentRules) {
        let from = orders[i].fromEntry
        let open = ledger.quantity(ofEntry: from)
        var held = 0.0
        for k in orders.indices where k != i && orders[k].kind == .exit && orders[k].fromEntry == from {
            if !orders[k].reserved.isNaN { held += orders[k].reserved }
        }
        let available = max(0, open - held)
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
}
