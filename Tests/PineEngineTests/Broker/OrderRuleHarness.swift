import Foundation
import PFData
@testable import PineEngine

/// Runs a Pine strategy through the whole engine on a few hand-made bars
/// (15 minutes apart from 2024-01-01 00:00 UTC, tick 0.01) so a test can
/// state the fills a rule gives, derived by hand.
enum OrderRuleHarness {
    static let start: Int64 = 1_704_067_200_000
    static let step: Int64 = 900_000

    /// The open time of bar `i`.
    static func time(_ i: Int) -> Int64 { start + Int64(i) * step }

    /// Runs `body` (the script after its `strategy(...)` line) on bars given
    /// as (open, high, low, close).
    static func run(
        _ body: String, strategy: String = "strategy(\"rule\", overlay=true)",
        bars ohlc: [(Double, Double, Double, Double)], magnifier: Magnifier = .off, version: Int = 6
    ) throws -> BacktestReport {
        let source = "//@version=\(version)\n" + strategy + "\n" + body
        let program = try PineProgram.compile(source: source, fileName: "rule.pine")
        let store = BarStore(
            time: ohlc.indices.map { time($0) }, open: ohlc.map { $0.0 }, high: ohlc.map { $0.1 },
            low: ohlc.map { $0.2 }, close: ohlc.map { $0.3 }, volume: ohlc.map { _ in 1 })
        let data = try PreparedData(store: store, sourceTimeframe: Timeframe("15"))
        return try ScriptRunner(program: program, data: data).run(RunOptions(magnifier: magnifier)).report
    }

    /// A closed trade as (direction, entry bar, entry price, exit bar, exit price, qty).
    struct Fill: Equatable, CustomStringConvertible {
        var direction: TradeDirection
        var entryBar: Int
        var entryPrice: Double
        var exitBar: Int?
        var exitPrice: Double?
        var qty: Double

        var description: String {
            "\(direction) \(qty) @\(entryPrice) bar \(entryBar)"
                + (exitBar.map { " -> @\(exitPrice ?? .nan) bar \($0)" } ?? " (open)")
        }
    }

    /// The closed trades then the open ones; bars are read from the fill
    /// times, prices rounded to 1e-9.
    static func fills(_ r: BacktestReport) -> [Fill] {
        func p(_ x: Double) -> Double { (x * 1e9).rounded() / 1e9 }
        func bar(_ t: Int64) -> Int { Int((t - start) / step) }
        var out: [Fill] = []
        for t in r.trades {
            out.append(
                Fill(
                    direction: t.direction, entryBar: bar(t.entryTime), entryPrice: p(t.entryPrice),
                    exitBar: bar(t.exitTime), exitPrice: p(t.exitPrice), qty: t.qty))
        }
        for t in r.openTrades {
            out.append(
                Fill(
                    direction: t.direction, entryBar: bar(t.entryTime), entryPrice: p(t.entryPrice), exitBar: nil,
                    exitPrice: nil, qty: t.qty))
        }
        return out
    }
}

typealias RuleFill = OrderRuleHarness.Fill
