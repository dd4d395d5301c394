import Foundation
import PFData
@testable import PineEngine
import PineLanguage
import Testing

/// Seeded random strategies whose order commands get hostile arguments (huge, zero, negative
/// and `na` quantities, prices, ticks and percents): each runs or stops with a one-line error
/// naming the script, and every closed trade lies inside the bars. (5,000 strategies of
/// another seed were run once by hand.)
@Suite struct StrategyFuzzTests {
    @Test func randomOrderCommandsNeverCrash() throws {
        let data = try PineParityFeed.prepared(400)
        var generator = SeededRandom(state: 4_242)
        var ran = 0
        var trades = 0
        for _ in 0..<300 {
            let props = generator.pick([
                "", ", pyramiding = 3", ", default_qty_type = strategy.percent_of_equity, default_qty_value = 1e300",
                ", default_qty_type = strategy.cash, default_qty_value = -5", ", commission_type = strategy.commission.percent, commission_value = 1e300",
                ", slippage = 1000000", ", process_orders_on_close = true", ", close_entries_rule = \"ANY\"",
            ])
            var body = ""
            for k in 0..<4 { body += "if bar_index % \(k + 2) == \(generator.next(k + 2))\n    \(generator.command())\n" }
            let source = "//@version=6\nstrategy(\"f\"\(props))\n" + body
            do {
                let program = try PineProgram.compile(source: source, fileName: "f.pine")
                let report = try ScriptRunner(program: program, data: data).run(RunOptions()).report
                for t in report.trades {
                    #expect(t.entryBar >= 0 && t.exitBar >= t.entryBar && t.exitBar < 400, "\(source)")
                }
                trades += report.trades.count
                ran += 1
            } catch {
                let message = "\(error)"
                #expect(message.contains("f.pine") && !message.contains("\n"), "\(source): \(message)")
            }
        }
        #expect(ran > 100)
        #expect(trades > 100)
    }
}

/// The scripts' building blocks.
extension SeededRandom {
    mutating func value() -> String {
        pick(["1", "0", "-1", "na", "1e300", "-1e300", "1e-300", "close", "close * 1.01", "close * 0.99", "100", "2.5"])
    }

    mutating func command() -> String {
        let v = value()
        let w = value()
        switch next(12) {
        case 0: return "strategy.entry(\"L\", strategy.long, qty = \(v))"
        case 1: return "strategy.entry(\"S\", strategy.short, limit = \(v), stop = \(w))"
        case 2: return "strategy.order(\"O\", strategy.long, \(v), stop = \(w))"
        case 3: return "strategy.exit(\"X\", \"L\", profit = \(v), loss = \(w))"
        case 4: return "strategy.exit(\"T\", trail_points = \(v), trail_offset = \(w))"
        case 5: return "strategy.exit(\"P\", \"S\", qty_percent = \(v), limit = \(w))"
        case 6: return "strategy.close(\"L\", qty = \(v))"
        case 7: return "strategy.close(\"S\", qty_percent = \(v), immediately = true)"
        case 8: return "strategy.close_all()"
        case 9: return "strategy.cancel(\"O\")"
        case 10: return "strategy.entry(\"L2\", strategy.long, qty = \(v), oca_name = \"g\", oca_type = strategy.oca.reduce)"
        default: return "strategy.cancel_all()"
        }
    }
}
