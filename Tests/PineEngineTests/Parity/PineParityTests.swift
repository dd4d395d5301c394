import Foundation
import PFData
@testable import PineEngine
import PineLanguage
import Testing

/// Every reference run of the parity set, run from the Pine source through
/// the whole engine: the same trades (every column of trades.csv), metrics,
/// counters and equity samples.
@Suite struct PineParityTests {
    /// Every run but the retired ones (see `RetiredParityRuns`).
    static let allRuns: [String] = PineParityRun.caseNames.flatMap { c in PineParityRun.runIDs(of: c).map { "\(c)/\($0)" } }
        .filter { !RetiredParityRuns.ids.contains($0) }

    /// The parity set: 74 reference runs of 14 strategies, 9 of them retired
    /// (an absent fixture folder would leave the test below no arguments).
    @Test func everyReferenceRunIsPresent() {
        #expect(PineParityRun.caseNames.count == 14)
        #expect(PineParityRun.caseNames.map { PineParityRun.runIDs(of: $0).count }.reduce(0, +) == 74)
        #expect(Self.allRuns.count == 74 - RetiredParityRuns.ids.count)
        #expect(RetiredParityRuns.ids.count == 9)
    }

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
        // The broker suite's comparison: every trades.csv column (commission,
        // entry/exit bar and excursions included), every metric, the counters
        // and the equity samples.
        let r = ParityFixture.compare(report, caseName: parts[0], run: parts[1])
        #expect(r.isExact, Comment(rawValue: "\(id):\n" + r.problems.prefix(12).joined(separator: "\n")))
    }
}
