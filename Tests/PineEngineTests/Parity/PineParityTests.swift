import Foundation
import PFData
@testable import PineEngine
import PineLanguage
import Testing

/// Every reference run of the parity set, run from the Pine source through
/// the whole engine: same trades, same metrics.
@Suite struct PineParityTests {
    static let allRuns: [String] = PineParityRun.caseNames.flatMap { c in PineParityRun.runIDs(of: c).map { "\(c)/\($0)" } }

    @Test(arguments: allRuns)
    func reproducesReferenceRun(_ id: String) throws {
        try check(id)
    }

    private func check(_ id: String) throws {
        let parts = id.split(separator: "/").map(String.init)
        let run = try PineParityRun.load(parts[0], parts[1])
        let program = try PineProgram.compile(source: run.source, fileName: "\(parts[0]).pine")
        let data = try PreparedData(
            store: PineParityFeed.store, sourceTimeframe: Timeframe("15"), scriptTimeframe: run.scriptTimeframe)
        let runner = try ScriptRunner(program: program, data: data)
        let result = try runner.run(RunOptions(inputs: run.inputs, tradeFrom: run.tradeFrom, magnifier: run.magnifier))
        let report = result.report
        try #require(report.trades.count == run.trades.count, "trade count \(report.trades.count) vs \(run.trades.count)")
        for (i, (mine, ref)) in zip(report.trades, run.trades).enumerated() {
            let context = "trade \(i + 1)"
            #expect(String(mine.entryTime) == ref["entry_time"], "\(context) entry_time")
            #expect(String(mine.exitTime) == ref["exit_time"], "\(context) exit_time")
            #expect(close(mine.entryPrice, ref["entry_price"], rel: 1e-9), "\(context) entry_price \(mine.entryPrice) vs \(ref["entry_price"] ?? "")")
            #expect(close(mine.exitPrice, ref["exit_price"], rel: 1e-9), "\(context) exit_price \(mine.exitPrice) vs \(ref["exit_price"] ?? "")")
            #expect(close(mine.pnl, ref["pnl"], abs: 1e-6), "\(context) pnl \(mine.pnl) vs \(ref["pnl"] ?? "")")
            #expect(close(mine.qty, ref["qty"], rel: 1e-9), "\(context) qty")
            if !(close(mine.pnl, ref["pnl"], abs: 1e-6)) { break }
        }
        let flat = report.metrics.flat
        var index = 0
        for (block, prefix) in [("all", ""), ("longs", "long_"), ("shorts", "short_")] {
            let ref = run.metrics[block] as? [String: Any] ?? [:]
            for name in MetricCatalog.tradeMetrics {
                let mine = flat[MetricCatalog.flatNames.firstIndex(of: prefix + name) ?? 0]
                #expect(matches(mine, ref[name]), "\(block).\(name): \(mine) vs \(String(describing: ref[name]))")
                index += 1
            }
        }
        let eq = run.metrics["equity"] as? [String: Any] ?? [:]
        for name in MetricCatalog.equityMetrics {
            let mine = flat[MetricCatalog.flatNames.firstIndex(of: name) ?? 0]
            #expect(matches(mine, eq[name]), "equity.\(name): \(mine) vs \(String(describing: eq[name]))")
        }
        #expect(report.counters.scriptBarsProcessed == (run.metrics["script_bars_processed"] as? Int))
    }

    private func close(_ x: Double, _ text: String?, rel: Double = 0, abs: Double = 0) -> Bool {
        guard let text, let y = Double(text) else { return false }
        if x == y { return true }
        return Swift.abs(x - y) <= Swift.max(abs, rel * Swift.max(Swift.abs(x), Swift.abs(y)))
    }

    private func matches(_ mine: Double, _ ref: Any?) -> Bool {
        guard let n = ref as? NSNumber else { return mine.isNaN }
        let y = n.doubleValue
        if mine == y { return true }
        return Swift.abs(mine - y) <= 1e-9 * Swift.max(Swift.abs(mine), Swift.abs(y)) + 1e-12
    }
}
