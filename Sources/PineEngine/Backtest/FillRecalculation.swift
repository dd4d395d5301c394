import PFData
import PineLanguage

/// `strategy(calc_on_order_fills = true)` on historical bars: the script also
/// runs on the points of a bar's price path where orders filled.
///
/// The rule as TradingView's Pine v6 User Manual states it (pages and
/// sections named so the rule can be checked), and how it is reproduced:
/// - Executions (Execution model, "Executions on historical bars"; Strategies,
///   "calc_on_order_fills"): the script executes at every tick on which the
///   broker emulator fills an order, else once per bar. A historical bar has
///   four ticks, its open, its two extremes in the emulator's order and its
///   close, so a script that orders on every execution runs four times per
///   bar and fills at all four (the manual's "buy on every fill" and reversal
///   examples). Here: after the open and after each extreme where at least
///   one order filled (on the segment reaching it), the script runs once; the
///   bar's usual execution on the close is the one for the close, so a bar
///   has at most three extra executions.
/// - Fills of new orders (Strategies, "calc_on_order_fills", "Intrabar exit"
///   example): an order placed by an extra execution fills from the next tick
///   on, a market order at the next point of the path, priced orders where the
///   rest of the path touches them. Orders placed on the close wait for the
///   next bar as usual.
/// - Prices (Declaration statements, "calc_on_every_tick, calc_on_order_fills,
///   ..."): in these executions the bar's price and volume variables hold the
///   bar's final values (the manual warns of the lookahead this gives), so
///   `open`, `high`, `low`, `close`, `volume`, `time` and `bar_index` are the
///   bar's in every execution, while `strategy.*` shows the fills made so far.
/// - Rollback (Execution model, "Executions on realtime bars"): after an
///   execution that does not close the bar, variables go back to their last
///   committed state, the previous bar's, `var` ones included; `varip` ones
///   keep their values; orders placed and fills made stay; plots are replaced,
///   so only the close's are recorded. See `ArenaRollback`.
///
/// Choices where the manual says nothing:
/// - At a point, the priced orders touched on the segment reaching it fill
///   first, then the market orders placed by the previous execution.
/// - A priced order an execution places beyond the current price fills at
///   once at that price, as a gap fill at an open does.
/// - `strategy.openprofit` / `strategy.equity` in an extra execution use the
///   price of the point (the broker's current price), not `close`.
/// - `barstate.*` are the historical bar's in every execution.
/// - With the real-bar magnifier (the manual: more than four executions per
///   bar with lower-timeframe detail), each sub-bar's open, extremes and close
///   are ticks.
///
/// Refused (not documented, or not reproducible here): together with
/// `process_orders_on_close = true`; `strategy.close(immediately = true)` and
/// `close_all(immediately = true)`; the synthetic magnifier (its samples are
/// not ticks TradingView has); `var` maps, matrices and objects and the
/// history of a `varip` variable (their changes cannot be undone between
/// executions).
enum FillRecalculation {
    /// Why the setting is refused with process_orders_on_close.
    static var refusedWithProcessOrdersOnClose: String { SupportChecker.fillsWithCloseMessage }

    /// Why the setting is refused with the synthetic magnifier.
    static let refusedWithSyntheticMagnifier =
        "calc_on_order_fills=true does not run with the synthetic magnifier (its samples are not ticks of the bar)"

    /// Why `immediately = true` is refused.
    static let refusedImmediately =
        "calc_on_order_fills=true with immediately=true is not supported (whether its fill runs the script again is not documented)"

    /// Processes one script bar like `Broker.processBar` without the
    /// magnifier, running `script.onFill` after the open and after each
    /// extreme where orders filled.
    @inline(never)
    static func processBar<Script: BarScript>(
        _ input: BarInput, bars: BacktestBars, broker: Broker, counters: inout BacktestCounters, script: Script
    ) throws -> BarStep {
        broker.engine.beginBar(index: input.index, time: input.time)
        if broker.risk.tracksDays
            && broker.risk.beginBar(
                time: input.time, lastEquity: broker.equityRecord.last,
                initialCapital: broker.initialCapital)
        {
            broker.engine.startDay()
        }
        let before = broker.engine.ledger.closedTrades.count
        let bar = ScriptBar(
            index: input.index, time: input.time, closeTime: input.closeTime, open: input.open, high: input.high,
            low: input.low, close: input.close, volume: input.volume, isLast: input.isLast)
        var mark = fillMark(broker)
        var executions = 0
        // Runs the script when orders filled since the last point.
        func executeAfterFills() throws {
            let now = fillMark(broker)
            guard now != mark else { return }
            executions += 1
            // A fill may have reached the day's limit of filled orders.
            broker.acceptsOrders = input.acceptsOrders && !broker.risk.isHalted && !broker.engine.fillLimitReached
            try script.onFill(bar, broker: broker)
            dropOrphanExits(broker)
            mark = fillMark(broker)
        }
        if case .realBars = broker.settings.magnifier, let sub = bars.subBars {
            let i = input.index
            let start = bars.subBarStart[i]
            let end = i + 1 < bars.subBarStart.count ? bars.subBarStart[i + 1] : bars.subBarEnd
            counters.magnifierSubBars += end - start
            counters.magnifierSampleTicks += 4 * (end - start)
            try walkSubBars(start..<end, of: sub, broker: broker, execute: executeAfterFills)
            broker.engine.markPrice = input.close
        } else {
            broker.engine.openBar(open: input.open, high: input.high, low: input.low, close: input.close)
            try executeAfterFills()
        }
        if case .off = broker.settings.magnifier, !broker.engine.isIdle {
            let (e1, e2) = PricePath.extremes(open: input.open, high: input.high, low: input.low)
            step(broker, to: e1)
            try executeAfterFills()
            step(broker, to: e2)
            try executeAfterFills()
            step(broker, to: input.close)
            broker.engine.reachExtremes(high: input.high, low: input.low, close: input.close)
        }
        if try broker.marginCall(high: input.high, low: input.low) { counters.marginCalls += 1 }
        broker.engine.markPrice = input.close
        counters.fillExecutions += executions
        broker.acceptsOrders = input.acceptsOrders && !broker.risk.isHalted && !broker.engine.fillLimitReached
        try script.onBar(bar, broker: broker)
        dropOrphanExits(broker)
        let (eq, op) = broker.closeBar(nextOpen: input.nextOpen)
        return BarStep(
            bar: bar, closedTradeRange: before..<broker.engine.ledger.closedTrades.count, equity: eq, openProfit: op)
    }

    /// After each execution of the script, as after the one on the close
    /// without the setting: an exit whose `from_entry` names no open trade
    /// and no pending entry creates no order.
    @inline(__always)
    private static func dropOrphanExits(_ broker: Broker) {
        if broker.engine.book.mayHoldOrphanExits { broker.engine.book.dropOrphanExits(broker.engine.ledger) }
    }

    /// The real-bar magnifier's path: each sub-bar's open (a jump after the
    /// first), its extremes and its close are ticks; `execute` runs after
    /// every one but the last sub-bar's close, which is the bar's close.
    private static func walkSubBars(
        _ range: Range<Int>, of sub: BarStore, broker: Broker, execute: () throws -> Void
    ) rethrows {
        guard let first = range.first else { return }
        broker.engine.open(at: sub.open[first])
        try execute()
        for k in range {
            if k > first {
                broker.engine.jump(to: sub.open[k])
                fillMarketOrders(broker, at: sub.open[k])
                try execute()
            }
            let (e1, e2) = PricePath.extremes(open: sub.open[k], high: sub.high[k], low: sub.low[k])
            broker.engine.walkSample(to: e1)
            fillMarketOrders(broker, at: e1)
            try execute()
            broker.engine.walkSample(to: e2)
            fillMarketOrders(broker, at: e2)
            try execute()
            broker.engine.walkSample(to: sub.close[k])
            fillMarketOrders(broker, at: sub.close[k])
            if k < range.upperBound - 1 { try execute() }
        }
    }

    /// One segment of the path: the priced orders it touches fill where it
    /// touches them, then the market orders fill at its end (placed by the
    /// execution at the segment's start), then the priced orders that end
    /// has already crossed.
    @inline(__always)
    private static func step(_ broker: Broker, to point: Double) {
        broker.engine.walk(to: point)
        fillMarketOrders(broker, at: point)
    }

    /// The market orders placed by the last execution fill at `point`, the
    /// next tick, then the priced orders `point` has already crossed.
    @inline(__always)
    private static func fillMarketOrders(_ broker: Broker, at point: Double) {
        if broker.engine.book.orders.contains(where: { $0.isMarket }) {
            broker.engine.fillMarketOrders(at: point, onPath: true)
            broker.engine.walk(to: point)
        }
    }

    /// Changes whenever an order fills: a new entry, or a trade (or part of
    /// one) closed.
    @inline(__always)
    private static func fillMark(_ broker: Broker) -> Int {
        broker.engine.ledger.tradeSequence &* 1_000_003 &+ broker.engine.ledger.closedTrades.count
    }
}
