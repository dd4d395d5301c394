/// The bar loop's one call into the broker.
extension Broker {
    /// Processes one script bar: fills the pending orders along the bar's
    /// price path (`path` walks it: the bar itself or the magnifier's
    /// points), issues the bar's margin call if any, runs `script` once on
    /// the close, fills the market orders it placed (and the stops and
    /// limits the close has reached) when orders are processed on the
    /// close, checks the risk rules and records the bar's equity.
    @inline(__always)
    func processBar<Script: BarScript>(
        _ input: BarInput, path: inout BarPathFeed, counters: inout BacktestCounters, script: Script
    ) throws -> BarStep {
        engine.beginBar(index: input.index, time: input.time)
        if risk.tracksDays
            && risk.beginBar(
                time: input.time, lastEquity: equityRecord.last,
                initialCapital: initialCapital)
        {
            engine.startDay()
        }
        let before = engine.ledger.closedTrades.count
        let (h, l) = path.walk(input, engine: &engine, counters: &counters)
        if try marginCall(high: h, low: l) { counters.marginCalls += 1 }
        // A fill on the path may have reached the day's limit of filled orders.
        acceptsOrders = input.acceptsOrders && !risk.isHalted && !engine.fillLimitReached
        engine.markPrice = input.close
        let bar = ScriptBar(
            index: input.index, time: input.time, closeTime: input.closeTime, open: input.open, high: h, low: l,
            close: input.close, volume: input.volume, isLast: input.isLast)
        try script.onBar(bar, broker: self)
        // Passing the ledger copies it: only while an exit waits on an entry id.
        if engine.book.mayHoldOrphanExits { engine.book.dropOrphanExits(engine.ledger) }
        if input.processOrdersOnClose { engine.fillOrdersOnClose() }
        let (eq, op) = closeBar(nextOpen: input.nextOpen)
        return BarStep(
            bar: bar, closedTradeRange: before..<engine.ledger.closedTrades.count, equity: eq, openProfit: op)
    }

    /// The end of the bar: checks the risk rules against the closing
    /// equity (`nextOpen`: the next bar's open time, or this bar's close
    /// time on the last bar), records it and returns (equity, open profit).
    @inline(__always)
    func closeBar(nextOpen: Int64) -> (equity: Double, openProfit: Double) {
        let op = openProfit(at: engine.markPrice)
        let eq = initialCapital + engine.ledger.netProfit + op
        if risk.isActive || engine.fillLimitReached {
            return closeBarUnderRules(nextOpen: nextOpen, equity: eq, openProfit: op)
        }
        equityRecord.record(eq)
        return (eq, op)
    }

    /// `closeBar` when a risk rule is set or the day's fills reached their
    /// limit: a rule hit flattens the position before the equity is recorded.
    @inline(never)
    func closeBarUnderRules(
        nextOpen: Int64, equity closingEquity: Double, openProfit closingOpenProfit: Double
    ) -> (equity: Double, openProfit: Double) {
        var op = closingOpenProfit
        var eq = closingEquity
        var hit =
            risk.isActive
            ? risk.check(
                equity: eq, peak: equityRecord.peak,
                dayEnds: risk.endsDay(nextOpen: nextOpen))
            : nil
        if hit == nil && engine.fillLimitReached && engine.ledger.direction != nil {
            hit = "Max number of filled orders in one day"
        }
        if let comment = hit {
            engine.flatten(comment: comment)
            op = openProfit(at: engine.markPrice)
            eq = initialCapital + engine.ledger.netProfit + op
        }
        equityRecord.record(eq)
        return (eq, op)
    }
}
