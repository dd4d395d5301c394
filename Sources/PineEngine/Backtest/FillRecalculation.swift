import PineLanguage

/// `strategy(calc_on_order_fills = true)` on historical bars: the script also
/// runs on the points of a bar's price path where orders filled.
///
/// What TradingView documents, and what this reproduces:
/// - "the runtime system executes the script on each available tick where the
///   broker emulator fills an order, or once per bar when there is no order to
///   fill"; a historical bar has four ticks (open, high, low, close, the
///   extremes in the broker emulator's order), so a script that orders on
///   every execution runs four times per bar and fills at the open, the high,
///   the low and the close (User Manual, Execution model, "Executions on
///   historical bars"; Strategies, "calc_on_order_fills", the "buy on every
///   fill" example). Here: after the open and after each extreme where at
///   least one order filled (on the segment reaching it), the script runs
///   once; the bar's usual execution on the close is the one for the close,
///   so a bar has at most three extra executions.
/// - The orders an extra execution places fill from the next tick on: a
///   market order at the next point of the path (Strategies,
///   "calc_on_order_fills": the broker "fills the 'Buy' order on the next tick
///   at one of the bar's OHLC values"), priced orders where the rest of the
///   path touches them, like an exit placed after an entry filled at the open
///   ("Intrabar exit" example). Orders placed on the close wait for the next
///   bar as usual.
/// - "As the script executes on historical ticks, the variables that store
///   price and volume information for the current bar consistently store the
///   bar's final values" (User Manual, Declaration statements,
///   "calc_on_every_tick, calc_on_order_fills, ..."): `open`, `high`, `low`,
///   `close`, `volume`, `time`, `bar_index` are the bar's in every execution.
///   `strategy.*` shows the fills made so far on the bar.
/// - Rollback (Execution model, "Executions on realtime bars"): after an
///   execution that does not close the bar, variables are reset to the last
///   committed state (the previous bar's), `var` ones too; `varip` ones keep
///   their values; orders placed and fills made are kept; plots are replaced
///   (only the close's are recorded). See `ArenaRollback`.
///
/// Choices where the documentation says nothing:
/// - At a point, the priced orders touched on the segment reaching it fill
///   first, then the market orders placed by the previous execution.
/// - A priced order an execution places beyond the current price fills at
///   once at that price, as a gap fill at an open does.
/// - `strategy.openprofit` / `strategy.equity` in an extra execution use the
///   price of the point (the broker's current price), not `close`.
/// - `barstate.*` are the historical bar's in every execution.
///
/// Refused (not documented, or not reproducible here): together with
/// `process_orders_on_close = true`; `strategy.close(immediately = true)` and
/// `close_all(immediately = true)`; the magnifier (the bar detail would change
/// which ticks exist); `var` maps, matrices and objects and the history of a
/// `varip` variable (their changes cannot be undone between executions).
enum FillRecalculation {
    /// Why the setting is refused with process_orders_on_close.
    static var refusedWithProcessOrdersOnClose: String { SupportChecker.fillsWithCloseMessage }

    /// Why `immediately = true` is refused.
    static let refusedImmediately =
        "calc_on_order_fills=true with immediately=true is not supported (whether its fill runs the script again is not documented)"

    /// Processes one script bar like `Broker.processBar` without the
    /// magnifier, running `script.onFill` after the open and after each
    /// extreme where orders filled.
    @inline(never)
    static func processBar<Script: BarScript>(
        _ input: BarInput, broker: Broker, counters: inout BacktestCounters, script: Script
    ) throws -> BarStep {
        broker.engine.beginBar(index: input.index, time: input.time)
        if broker.risk.intradayLimit > 0 {
            broker.risk.beginBar(
                time: input.time, timezone: broker.settings.timezone, lastEquity: broker.equityRecord.last,
                initialCapital: broker.initialCapital)
        }
        broker.acceptsOrders = input.acceptsOrders && !broker.risk.isHalted
        let before = broker.engine.ledger.closedTrades.count
        let bar = ScriptBar(
            index: input.index, time: input.time, closeTime: input.closeTime, open: input.open, high: input.high,
            low: input.low, close: input.close, volume: input.volume, isLast: input.isLast)
        var mark = fillMark(broker)
        broker.engine.openBar(open: input.open, high: input.high, low: input.low, close: input.close)
        // Runs the script when orders filled since the last point.
        func executeAfterFills() throws {
            let now = fillMark(broker)
            guard now != mark else { return }
            counters.fillExecutions += 1
            try script.onFill(bar, broker: broker)
            mark = fillMark(broker)
        }
        try executeAfterFills()
        if !broker.engine.isIdle {
            let (e1, e2) = PricePath.extremes(open: input.open, high: input.high, low: input.low)
            step(broker, to: e1)
            try executeAfterFills()
            step(broker, to: e2)
            try executeAfterFills()
            step(broker, to: input.close)
            broker.engine.reachExtremes(high: input.high, low: input.low, close: input.close)
        }
        broker.engine.markPrice = input.close
        try script.onBar(bar, broker: broker)
        let (eq, op) = broker.closeBar()
        return BarStep(
            bar: bar, closedTradeRange: before..<broker.engine.ledger.closedTrades.count, equity: eq, openProfit: op)
    }

    /// One segment of the path: the priced orders it touches fill where it
    /// touches them, then the market orders fill at its end (placed by the
    /// execution at the segment's start), then the priced orders that end
    /// has already crossed.
    @inline(__always)
    private static func step(_ broker: Broker, to point: Double) {
        broker.engine.walk(to: point)
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
