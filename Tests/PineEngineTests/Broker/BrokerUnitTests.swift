import Foundation
import PFData
import PineEngine
import Testing

/// A script given as a closure.
final class ClosureScript: BarScript {
    let body: (ScriptBar, Broker) -> Void
    init(_ body: @escaping (ScriptBar, Broker) -> Void) { self.body = body }
    func onBar(_ bar: ScriptBar, broker: Broker) throws { body(bar, broker) }
}

/// Bars from (open, high, low, close) tuples, 15 minutes apart from time 0.
func makeBars(_ ohlc: [(Double, Double, Double, Double)]) -> BarStore {
    BarStore(
        time: ohlc.indices.map { Int64($0) * 900_000 }, open: ohlc.map { $0.0 }, high: ohlc.map { $0.1 },
        low: ohlc.map { $0.2 }, close: ohlc.map { $0.3 }, volume: ohlc.map { _ in 1 })
}

@Suite("Strategy properties")
struct StrategyPropertiesTests {
    @Test func defaultsAreTradingViews() {
        let p = StrategyProperties()
        #expect(p.initialCapital == 1_000_000)
        #expect(p.defaultQtyType == .fixed)
        #expect(p.defaultQtyValue == 1)
        #expect(p.maxEntriesPerDirection == 1)
        #expect(p.commissionType == .percent)
        #expect(p.commissionValue == 0)
        #expect(p.closeEntriesRule == .fifo)
        #expect(!p.processOrdersOnClose)
    }

    @Test func overridesParsePineNames() throws {
        var p = StrategyProperties()
        try p.apply(override: "commission_type", value: "strategy.commission.cash_per_contract")
        try p.apply(override: "default_qty_type", value: "strategy.percent_of_equity")
        try p.apply(override: "pyramiding", value: "3")
        try p.apply(override: "process_orders_on_close", value: "true")
        try p.apply(override: "close_entries_rule", value: "any")
        #expect(p.commissionType == .cashPerContract)
        #expect(p.defaultQtyType == .percentOfEquity)
        #expect(p.maxEntriesPerDirection == 3)
        #expect(p.processOrdersOnClose)
        #expect(p.closeEntriesRule == .any)
    }

    @Test func badOverridesAreClearErrors() {
        var p = StrategyProperties()
        #expect(throws: StrategyPropertyError.invalidValue(key: "pyramiding", value: "-1", expected: "a whole number of at least 0")) {
            try p.apply(override: "pyramiding", value: "-1")
        }
        do {
            try p.apply(override: "pyramid", value: "2")
            Issue.record("an unknown key must throw")
        } catch {
            #expect(error.description.contains("unknown override 'pyramid'"))
            #expect(error.description.contains("pyramiding"))
        }
        #expect(throws: StrategyPropertyError.self) { try p.apply(override: "initial_capital", value: "zero") }
        #expect(throws: StrategyPropertyError.self) { try p.apply(override: "commission_type", value: "strategy.commission.bogus") }
    }
}

@Suite("Broker fills")
struct BrokerFillTests {
    static let flat = [(Double, Double, Double, Double)](repeating: (100, 101, 99, 100), count: 3)

    @Test func marketOrderFillsAtNextOpen() throws {
        let bars = makeBars([(100, 101, 99, 100.5), (100.2, 103, 100, 102), (102, 104, 101, 103)])
        let script = ClosureScript { bar, broker in
            if bar.index == 0 { broker.entry("L", direction: .long) }
            if bar.index == 1 { broker.close("L") }
        }
        let report = try Backtest.run(bars: bars, settings: BacktestSettings(), script: script)
        #expect(report.trades.count == 1)
        let t = try #require(report.trades.first)
        #expect(t.entryPrice == 100.2 && t.entryBar == 1 && t.entryTime == 900_000)
        #expect(t.exitPrice == 102 && t.exitBar == 2)
        #expect(abs(t.pnl - 1.8) < 1e-9)
        #expect(t.exitId == "L")
    }

    @Test func processOrdersOnCloseFillsAtThisClose() throws {
        let bars = makeBars([(100, 101, 99, 100.5), (100.2, 103, 100, 102), (102, 104, 101, 103)])
        var settings = BacktestSettings()
        settings.properties.processOrdersOnClose = true
        let script = ClosureScript { bar, broker in
            if bar.index == 0 { broker.entry("L", direction: .long) }
            if bar.index == 1 { broker.closeAll() }
        }
        let report = try Backtest.run(bars: bars, settings: settings, script: script)
        let t = try #require(report.trades.first)
        #expect(t.entryPrice == 100.5 && t.entryBar == 0)
        #expect(t.exitPrice == 102 && t.exitBar == 1)
    }

    @Test func stopGapsFillAtOpenAndLimitsAtTheirLevel() throws {
        // Bar 1 opens above the buy stop (gap: fills at the open); bar 2's
        // path reaches the sell limit (fills at the limit).
        let bars = makeBars([(100, 101, 99, 100), (105, 106, 104, 105.5), (105.5, 108, 105, 107), (107, 107, 107, 107)])
        let script = ClosureScript { bar, broker in
            if bar.index == 0 { broker.entry("L", direction: .long, stop: 102) }
            if bar.index == 1 { broker.exit("X", fromEntry: "L", limit: 107.5) }
        }
        let report = try Backtest.run(bars: bars, settings: BacktestSettings(), script: script)
        let t = try #require(report.trades.first)
        #expect(t.entryPrice == 105 && t.entryBar == 1)
        #expect(t.exitPrice == 107.5 && t.exitBar == 2)
        #expect(t.exitId == "X")
    }

    @Test func fillsSnapToTheGridAgainstTheTrader() throws {
        // A buy stop between two ticks fills on the tick above, a sell stop on the tick below.
        let bars = makeBars([(100, 100, 100, 100), (100, 101, 99, 100), (100, 101, 99, 100)])
        let script = ClosureScript { bar, broker in
            if bar.index == 0 { broker.entry("L", direction: .long, stop: 100.005) }
            if bar.index == 1 { broker.exit("X", fromEntry: "L", stop: 99.995) }
        }
        let report = try Backtest.run(bars: bars, settings: BacktestSettings(), script: script)
        let t = try #require(report.trades.first)
        #expect(abs(t.entryPrice - 100.01) < 1e-9)
        #expect(abs(t.exitPrice - 99.99) < 1e-9)
    }

    @Test func percentCommissionAndSlippage() throws {
        let bars = makeBars([(100, 100, 100, 100), (100, 100, 100, 100), (110, 110, 110, 110), (110, 110, 110, 110)])
        var settings = BacktestSettings()
        try settings.properties.apply(override: "commission_type", value: "percent")
        try settings.properties.apply(override: "commission_value", value: "0.1")
        try settings.properties.apply(override: "slippage", value: "2")
        try settings.properties.apply(override: "default_qty_value", value: "3")
        let script = ClosureScript { bar, broker in
            if bar.index == 0 { broker.entry("L", direction: .long) }
            if bar.index == 1 { broker.close("L") }
        }
        let report = try Backtest.run(bars: bars, settings: settings, script: script)
        let t = try #require(report.trades.first)
        #expect(abs(t.entryPrice - 100.02) < 1e-9)
        #expect(abs(t.exitPrice - 109.98) < 1e-9)
        let commission = 100.02 * 3 * 0.001 + 109.98 * 3 * 0.001
        #expect(abs(t.commission - commission) < 1e-9)
        #expect(abs(t.pnl - ((109.98 - 100.02) * 3 - commission)) < 1e-9)
    }

    @Test func oppositeEntryReversesAndPyramidingLimits() throws {
        let bars = makeBars([(100, 100, 100, 100), (101, 101, 101, 101), (102, 102, 102, 102), (103, 103, 103, 103), (104, 104, 104, 104)])
        let script = ClosureScript { bar, broker in
            switch bar.index {
            case 0, 1: broker.entry("L", direction: .long)  // the second is beyond pyramiding 1
            case 2: broker.entry("S", direction: .short)
            default: break
            }
        }
        let broker = Broker()
        let report = try Backtest.run(bars: bars, settings: BacktestSettings(), script: script, broker: broker)
        #expect(report.trades.count == 1)
        #expect(report.trades.first?.exitPrice == 103)
        #expect(report.openTrades.count == 1)
        #expect(report.openTrades.first?.direction == .short)
        #expect(broker.positionSize == -1)
        #expect(broker.positionEntryName == "S")
    }

    @Test(arguments: [CloseEntriesRule.fifo, .any])
    func closeEntriesRule(_ rule: CloseEntriesRule) throws {
        let bars = makeBars([(100, 100, 100, 100), (101, 101, 101, 101), (102, 102, 102, 102), (103, 103, 103, 103)])
        var settings = BacktestSettings()
        settings.properties.pyramiding = 2
        settings.properties.closeEntriesRule = rule
        let script = ClosureScript { bar, broker in
            if bar.index == 0 { broker.entry("A", direction: .long) }
            if bar.index == 1 { broker.entry("B", direction: .long) }
            if bar.index == 2 { broker.close("B") }
        }
        let report = try Backtest.run(bars: bars, settings: settings, script: script)
        let closed = try #require(report.trades.first)
        // FIFO closes the oldest entry (A) for B's quantity; ANY closes B itself.
        #expect(closed.entryId == (rule == .fifo ? "A" : "B"))
        #expect(report.openTrades.map(\.entryId) == [rule == .fifo ? "B" : "A"])
    }

    @Test func tradeWindowGatesOrdersButNotTheScript() throws {
        let bars = makeBars(Array(repeating: (100, 101, 99, 100), count: 6))
        var seen = 0
        let script = ClosureScript { _, broker in
            seen += 1
            if broker.positionSize == 0 { broker.entry("L", direction: .long) }
        }
        // The bar at index 2 closes at 3 * 15 min: its order is the first accepted.
        let settings = BacktestSettings(tradeFrom: 3 * 900_000, tradeTo: 5 * 900_000)
        let report = try Backtest.run(bars: bars, settings: settings, script: script)
        #expect(seen == 5)
        #expect(report.counters.scriptBarsProcessed == 5)
        #expect(report.openTrades.first?.entryBar == 3)
    }

    @Test func maxDrawdownRiskRuleFlattensAndStops() throws {
        let bars = makeBars([
            (100, 100, 100, 100), (100, 100, 100, 100), (97, 97, 97, 97), (94, 94, 94, 94), (95, 95, 95, 95),
            (96, 96, 96, 96),
        ])
        let script = ClosureScript { bar, broker in
            if bar.index == 0 { broker.riskMaxDrawdown(5, type: .cash) }
            if broker.positionSize == 0 { broker.entry("L", direction: .long) }
        }
        let broker = Broker()
        let report = try Backtest.run(bars: bars, settings: BacktestSettings(), script: script, broker: broker)
        #expect(report.trades.count == 1)
        let t = try #require(report.trades.first)
        #expect(t.exitBar == 3 && t.exitPrice == 94 && t.exitComment == "Max drawdown")
        #expect(report.openTrades.isEmpty)
        #expect(broker.isHaltedByRisk)
    }

    @Test func maxIntradayLossHaltsForTheDayOnly() throws {
        // 15-minute bars: the loss hits on day 0; trading resumes on day 1.
        var ohlc = [(Double, Double, Double, Double)](repeating: (100, 100, 100, 100), count: 200)
        ohlc[3] = (90, 90, 90, 90)
        for i in 4..<200 { ohlc[i] = (90, 90, 90, 90) }
        let bars = makeBars(ohlc)
        let script = ClosureScript { bar, broker in
            if bar.index == 0 { broker.riskMaxIntradayLoss(1, type: .percentOfEquity) }
            if broker.positionSize == 0 { broker.entry("L", direction: .long, qty: 2000) }
        }
        let report = try Backtest.run(bars: bars, settings: BacktestSettings(), script: script)
        let first = try #require(report.trades.first)
        #expect(first.exitBar == 3 && first.exitComment == "Max intraday loss")
        // Re-entered on the next day (bar 96 opens day 1), not before.
        #expect(report.trades.count == 1)
        let reentry = try #require(report.openTrades.first)
        #expect(reentry.entryBar == 97)
    }

    @Test func realMagnifierNeedsSubBars() {
        let bars = makeBars(Self.flat)
        let settings = BacktestSettings(magnifier: .realBars)
        #expect(throws: BacktestError.realMagnifierNeedsSubBars) {
            try Backtest.run(bars: bars, settings: settings, script: ClosureScript { _, _ in })
        }
    }

    @Test func iteratorMatchesRunToEnd() throws {
        let store = ParityFixture.feed
        try #require(store.count > 1000)
        let settings = BacktestSettings(properties: CaseA.props, tradeFrom: 1_735_689_600_000)
        let full = try Backtest.run(bars: store, settings: settings, script: CaseA(["fastLen": 10, "slowLen": 30]))
        let session = try BacktestSession(
            bars: BacktestBars(bars: store), settings: settings, script: CaseA(["fastLen": 10, "slowLen": 30]),
            broker: Broker())
        var closed = 0
        var steps = 0
        while let step = try session.next() {
            closed += step.closedTradeRange.count
            steps += 1
        }
        #expect(steps == store.count)
        #expect(closed == full.trades.count)
        #expect(closed == 1881)
        #expect(session.report().metrics.all.netProfit == full.metrics.all.netProfit)
    }
}

@Suite("Price path and report")
struct PricePathAndReportTests {
    @Test func pathVisitsTheNearerExtremeFirst() {
        #expect(PricePath.extremes(open: 100, high: 101, low: 95) == (101, 95))
        #expect(PricePath.extremes(open: 100, high: 105, low: 99) == (99, 105))
        #expect(PricePath.extremes(open: 100, high: 102, low: 98) == (98, 102))
    }

    @Test func endpointSamplesContainTheCorners() {
        var out: [Double] = []
        PricePath.samples(open: 100, e1: 104, e2: 96, close: 101, count: 8, distribution: .endpoints, into: &out)
        #expect(out.count == 8)
        #expect(out.first == 100 && out.last == 101)
        #expect(out.contains(104) && out.contains(96))
        PricePath.samples(open: 100, e1: 104, e2: 96, close: 101, count: 5, distribution: .uniform, into: &out)
        // Total length 4 + 8 + 5 = 17; u = 1/4 -> 4.25 along: past the high by 0.25.
        #expect(out.count == 5)
        #expect(abs(out[1] - 103.75) < 1e-12)
    }

    @Test func distributionsShapeTheSampleFractions() {
        #expect(PricePath.fraction(1, of: 3, distribution: .frontLoaded) == 0.25)
        #expect(PricePath.fraction(1, of: 3, distribution: .backLoaded) == 0.75)
        #expect(abs(PricePath.fraction(1, of: 5, distribution: .cosine) - (1 - cos(Double.pi / 4)) / 2) < 1e-15)
        #expect(abs(PricePath.fraction(1, of: 5, distribution: .triangle) - (0.125).squareRoot()) < 1e-15)
    }

    @Test func writerUsesTheDocumentedColumnsAndNulls() throws {
        let bars = makeBars([(100, 100, 100, 100), (101, 101, 101, 101), (103, 103, 103, 103)])
        let script = ClosureScript { bar, broker in
            if bar.index == 0 { broker.entry("L", direction: .long, comment: "go, long") }
            if bar.index == 1 { broker.close("L") }
        }
        let report = try Backtest.run(bars: bars, settings: BacktestSettings(), script: script)
        let lines = ReportWriter.tradesCSV(report).split(separator: "\n")
        #expect(lines.first == "trade,direction,entry_time,entry_price,exit_time,exit_price,qty,pnl,pnl_pct,commission,entry_bar,exit_bar,max_runup,max_drawdown,entry_id,exit_id,entry_comment,exit_comment,entry_time_ms,exit_time_ms")
        #expect(lines.count == 2)
        // Bars are 15 minutes apart from the epoch: entry at bar 1 (900,000 ms), exit at bar 2.
        #expect(lines[1] == "1,long,1970-01-01T00:15:00Z,101.0,1970-01-01T00:30:00Z,103.0,1.0,2.0,1.9801980198019802,0.0,1,2,2.0,0.0,L,L,\"go, long\",,900000,1800000")
        // With a tick of 0.25 prices are written on the tick grid.
        let ticked = ReportWriter.tradesCSV(report, tick: 0.25).split(separator: "\n")
        #expect(ticked[1].hasPrefix("1,long,1970-01-01T00:15:00Z,101.00,1970-01-01T00:30:00Z,103.00,"))
        let json = ReportWriter.metricsJSON(report)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let shorts = try #require(obj["shorts"] as? [String: Any])
        #expect(shorts["profit_factor"] is NSNull)
        #expect((shorts["num_trades"] as? NSNumber)?.intValue == 0)
        let all = try #require(obj["all"] as? [String: Any])
        #expect((all["net_profit"] as? NSNumber)?.doubleValue == 2.0)
        #expect(report.flatMetrics.count == MetricCatalog.flatNames.count)
        #expect(report.metrics.flat.count == MetricCatalog.flatNames.count - MetricCatalog.runCounters.count)
        #expect(report.metrics.value(named: "net_profit") == 2.0)
        #expect(report.metrics.value(named: "short_num_trades") == 0)
        let eq = ReportWriter.equityCSV(report).split(separator: "\n")
        #expect(eq.count == 4)
        #expect(eq[0] == "time,equity,open_profit,time_ms")
        #expect(eq[3] == "1970-01-01T00:30:00Z,1000002.0,0.0,1800000")
    }
}
