import Foundation
import PFData
import Testing

@testable import PineEngine

/// `strategy.risk.max_cons_loss_days(count)` as the reference manual states
/// it: after `count` consecutive days with losses, every pending order is
/// cancelled, the position is closed and no order is placed any more. A
/// losing day is a calendar day whose last bar closes with the equity below
/// the previous day's closing equity (the initial capital before the first
/// day); the position closes at that bar's close. Fills derived by hand.
@Suite("Max consecutive loss days")
struct ConsLossDaysTests {
    typealias F = RuleFill

    /// Daily bars from 2024-01-01, tick 0.01, capital 1,000, qty 1.
    static func daily(_ body: String, bars ohlc: [(Double, Double, Double, Double)]) throws -> BacktestReport {
        let source = "//@version=6\nstrategy(\"cons\", initial_capital=1000)\n" + body
        let program = try PineProgram.compile(source: source, fileName: "cons.pine")
        let day: Int64 = 86_400_000
        let store = BarStore(
            time: ohlc.indices.map { OrderRuleHarness.start + Int64($0) * day }, open: ohlc.map { $0.0 },
            high: ohlc.map { $0.1 }, low: ohlc.map { $0.2 }, close: ohlc.map { $0.3 }, volume: ohlc.map { _ in 1 })
        let data = try PreparedData(store: store, sourceTimeframe: Timeframe("1D"))
        return try ScriptRunner(program: program, data: data).run(RunOptions()).report
    }

    /// The trades as fills, bars counted in days.
    static func fills(_ r: BacktestReport) -> [F] {
        func bar(_ t: Int64) -> Int { Int((t - OrderRuleHarness.start) / 86_400_000) }
        return r.trades.map {
            F(direction: $0.direction, entryBar: bar($0.entryTime), entryPrice: $0.entryPrice, exitBar: bar($0.exitTime),
              exitPrice: $0.exitPrice, qty: $0.qty)
        }
            + r.openTrades.map {
                F(direction: $0.direction, entryBar: bar($0.entryTime), entryPrice: $0.entryPrice, exitBar: nil,
                  exitPrice: nil, qty: $0.qty)
            }
    }

    /// Long 1 from bar 1's open (100). Day 1 closes at 99 (equity 999 <
    /// 1,000: one losing day), day 2 at 99.5 (a winning day: the count
    /// starts again), day 3 at 99 (one), day 4 at 98 (two: the limit). The
    /// long closes at day 4's close, 98, and the sell stop at 97 placed on
    /// day 4 is cancelled, so day 5's low of 96 fills nothing; the entries
    /// the script keeps placing are ignored. With a limit of 3 the long
    /// stays open and the stop reverses it on day 5 (which ends at 998, no
    /// lower than day 4: the count starts again).
    @Test func twoLosingDaysInARowStopTheStrategy() throws {
        let body = """
            strategy.risk.max_cons_loss_days(LIMIT)
            if strategy.position_size == 0
                strategy.entry("L", strategy.long, qty=1)
            if bar_index == 4
                strategy.entry("S", strategy.short, qty=1, stop=97)
            """
        let bars: [(Double, Double, Double, Double)] = [
            (100, 100, 100, 100), (100, 100, 99, 99), (99, 99.5, 99, 99.5), (99.5, 99.5, 99, 99), (99, 99, 98, 98),
            (99, 100, 96, 96), (96, 97, 96, 96.5),
        ]
        let limited = try Self.daily(body.replacingOccurrences(of: "LIMIT", with: "2"), bars: bars)
        #expect(
            Self.fills(limited) == [
                F(direction: .long, entryBar: 1, entryPrice: 100, exitBar: 4, exitPrice: 98, qty: 1)
            ])
        #expect(limited.trades.first?.exitComment == "Max consecutive loss days")
        let free = try Self.daily(body.replacingOccurrences(of: "LIMIT", with: "3"), bars: bars)
        #expect(
            Self.fills(free) == [
                F(direction: .long, entryBar: 1, entryPrice: 100, exitBar: 5, exitPrice: 97, qty: 1),
                F(direction: .short, entryBar: 5, entryPrice: 97, exitBar: nil, exitPrice: nil, qty: 1),
            ])
    }

    /// 15-minute bars (96 a day): only a day's last bar decides. Day 0 dips
    /// to 90 at bar 50 but ends at 100 (equity 1,000: not a losing day);
    /// day 1 stays at 99.5 (equity 999.5, below 1,000 all day) and ends at
    /// 99 (one losing day); day 2 dips to 95 and ends at 98 (998 < 999:
    /// two). The long from bar 1 closes at bar 287's close, 98.
    @Test func onIntradayBarsADayCountsAtItsLastBar() throws {
        func price(_ i: Int) -> Double {
            switch i {
            case 50: return 90
            case 0..<96: return 100
            case 191: return 99
            case 96..<192: return 99.5
            case 240: return 95
            case 287: return 98
            case 192..<288: return 98.5
            default: return 100
            }
        }
        let bars = (0..<384).map { i in (price(i), price(i), price(i), price(i)) }
        let body = """
            strategy.risk.max_cons_loss_days(2)
            if strategy.position_size == 0
                strategy.entry("L", strategy.long, qty=1)
            """
        let r = try OrderRuleHarness.run(body, strategy: "strategy(\"cons\", initial_capital=1000)", bars: bars)
        #expect(OrderRuleHarness.fills(r) == [F(direction: .long, entryBar: 1, entryPrice: 100, exitBar: 287, exitPrice: 98, qty: 1)])
        #expect(r.trades.first?.exitComment == "Max consecutive loss days")
    }
}
