import Foundation
import PFData
import PineEngine
import Testing

/// Per-trade excursions without the magnifier follow the reference engine's
/// bar model: an open trade takes in each bar's high and low; a priced
/// fill is placed on the bar's 4-point path where its fill price is first
/// touched (exact comparisons), and only the extremes the path reaches
/// before that point count for the trade it opens (they are masked) or
/// closes (they are folded in), plus the best price of a trailing stop.
@Suite("Bar excursions")
struct BarExcursionTests {
    /// A long stop entry gapped through at the open of bar 1 and closed at
    /// bar 2's open. Bar 1 is walked low first.
    static func gapEntry(open: Double) throws -> ClosedTrade {
        let bars = makeBars([(100, 100.05, 99.9, 100), (open, 101, 99.9, 100.5), (100.5, 100.6, 100.4, 100.5)])
        let script = ClosureScript { bar, broker in
            if bar.index == 0 { broker.entry("L", direction: .long, stop: 100.05) }
            if bar.index == 1 { broker.close("L") }
        }
        let report = try Backtest.run(bars: bars, settings: BacktestSettings(), script: script)
        return try #require(report.trades.first)
    }

    @Test func aGapEntrySnappedPastTheOpenComesAfterTheNearerExtreme() throws {
        // 100.07 snaps to 100.07000000000001: not on the open -> low leg,
        // so the fill comes after the low, which does not count.
        let t = try Self.gapEntry(open: 100.07)
        #expect(t.entryPrice == 100.07000000000001 && t.entryBar == 1 && t.exitPrice == 100.5)
        #expect(t.maxDrawdown == 0)
        #expect(abs(t.maxRunup - (101 - t.entryPrice)) < 1e-9)
        // 100.3 snaps to itself: the fill is the open, the low counts.
        let u = try Self.gapEntry(open: 100.3)
        #expect(u.entryPrice == 100.3)
        #expect(abs(u.maxDrawdown - (100.3 - 99.9)) < 1e-9)
    }

    @Test func aGapExitSnappedPastTheOpenTakesInTheNearerExtreme() throws {
        // Long from 100.5 (bar 1's open); its stop at 100.1 is gapped
        // through by bar 2's open 100.07, filled at 100.07000000000001,
        // first touched on the low -> high leg: the low (99.5) was reached
        // before the exit and counts, the high after it does not.
        let bars = makeBars([
            (100, 100, 100, 100), (100.5, 100.6, 100.4, 100.5), (100.07, 101, 99.5, 100.8), (100.8, 100.8, 100.8, 100.8),
        ])
        let script = ClosureScript { bar, broker in
            if bar.index == 0 { broker.entry("L", direction: .long) }
            if bar.index == 1 { broker.exit("X", fromEntry: "L", stop: 100.1) }
        }
        let report = try Backtest.run(bars: bars, settings: BacktestSettings(), script: script)
        let t = try #require(report.trades.first)
        #expect(t.entryPrice == 100.5 && t.exitBar == 2 && t.exitPrice == 100.07000000000001)
        #expect(abs(t.maxDrawdown - 1) < 1e-9)
        #expect(abs(t.maxRunup - 0.1) < 1e-9)
    }

    @Test func aTrailingExitTakesInItsPeakButNotAnExtremeBeforeItsFillPrice() throws {
        // Bar 1 (100, 104, 98, 99) is walked low first. The long opened at
        // its open arms its trail at 104 and is stopped 4.5 below, at 99.5
        // on the way to the close. 99.5 is first touched on the open -> low
        // leg, before the low: the low does not count, the peak does.
        let bars = makeBars([(100, 100, 100, 100), (100, 104, 98, 99), (99, 99, 99, 99)])
        let script = ClosureScript { bar, broker in
            if bar.index == 0 {
                broker.entry("L", direction: .long)
                broker.exit("X", fromEntry: "L", trailPoints: 100, trailOffset: 450)
            }
        }
        let report = try Backtest.run(bars: bars, settings: BacktestSettings(), script: script)
        let t = try #require(report.trades.first)
        #expect(t.entryBar == 1 && t.exitBar == 1 && t.exitPrice == 99.5)
        #expect(abs(t.maxRunup - 4) < 1e-9)
        #expect(abs(t.maxDrawdown - 0.5) < 1e-9)
    }
}
