import Foundation
import PFData
import PineEngine
import Testing

/// The synthetic magnifier walks the samples of each bar; an entry filled
/// on a sample takes its excursion from the partial bar seen so far.
@Suite("Magnifier samples")
struct MagnifierSampleTests {
    static func synthetic(_ n: Int) -> BacktestSettings {
        var s = BacktestSettings()
        s.magnifier = .synthetic(samples: n, distribution: .uniform)
        return s
    }

    @Test func everyPendingOrderStaysLiveWithAndWithoutTheMagnifier() throws {
        // A pair of stop entries placed while flat, long first. Bar 1 goes
        // down through the short stop, then up through the long stop (8
        // uniform samples: 100, 93.14, 86.29, 90.57, 97.43, 104.29, 111.14,
        // 112). Every pending order stays live after a fill, so with or
        // without the magnifier the long stop (sized for a flat position)
        // closes the short at 110 on the same bar.
        let bars = makeBars([(100, 100, 100, 100), (100, 115, 85, 112), (105, 105, 105, 105)])
        let script = ClosureScript { bar, broker in
            if bar.index == 0 {
                broker.entry("L", direction: .long, stop: 110)
                broker.entry("S", direction: .short, stop: 90)
            }
        }
        for settings in [Self.synthetic(8), BacktestSettings()] {
            let broker = Broker()
            let report = try Backtest.run(bars: bars, settings: settings, script: script, broker: broker)
            let t = try #require(report.trades.first)
            #expect(report.trades.count == 1)
            #expect(t.direction == .short && t.entryPrice == 90 && t.exitPrice == 110 && t.exitBar == 1 && t.exitId == "L")
            #expect(broker.positionSize == 0)
        }
    }

    @Test func anEntryOnASampleTakesItsExcursionFromThePartialBar() throws {
        // Bar 1's path is open -> high -> low -> close (100, 110, 80, 85);
        // its samples are 100, 106.43, 107.14, 100.71, 94.29, 87.86, 81.43,
        // 85. The short stop at 99 fills on the fifth sample. The partial
        // bar then (open 100, high 107.14, low 94.29) is walked low first,
        // so the fill lies before both of its extremes: its high, reached
        // by the samples before the fill, counts as the trade's drawdown.
        let bars = makeBars([(100, 100, 100, 100), (100, 110, 80, 85), (85, 86, 84, 85)])
        let script = ClosureScript { bar, broker in
            if bar.index == 0 { broker.entry("S", direction: .short, stop: 99) }
            if bar.index == 1 { broker.close("S") }
        }
        let report = try Backtest.run(bars: bars, settings: Self.synthetic(8), script: script)
        let t = try #require(report.trades.first)
        #expect(t.entryPrice == 99 && t.entryBar == 1 && t.exitPrice == 85)
        let high = 110 - (45.0 * 2 / 7 - 10)  // the third sample
        let low = 110 - (45.0 * 6 / 7 - 10)  // the seventh sample
        #expect(abs(t.maxDrawdown - (high - 99)) < 1e-9)
        #expect(abs(t.maxRunup - (99 - low)) < 1e-9)
    }
}
