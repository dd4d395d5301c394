import Foundation
import Testing

@testable import PFOptimizer

@Suite struct ReportTests {
    @Test func progressLineShowsCountsRateEtaAndBest() {
        let p = SweepProgress(planned: 1000, examined: 250, fresh: 200, reused: 50, failed: 3, elapsed: 10,
                              best: 12.345, phase: "fold 2/6", finished: false)
        #expect(ProgressPrinter.line(p) == "fold 2/6  250/1000  200 run, 50 resumed, 3 failed  20.0 runs/s  ETA 30s  best 12.35")
        var done = p
        done.finished = true
        done.examined = 1000
        #expect(ProgressPrinter.line(done).hasSuffix("10.0s  best 12.35"))
        #expect(ProgressPrinter.formatDuration(3725) == "1h02m")
        #expect(ProgressPrinter.formatDuration(125) == "2m05s")
    }

    @Test func sweepReportNamesTheWinnerAndFiles() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        let config = try SweepConfig.load(path: tmp.config(Configs.grid()))
        let summary = try Sweep(config: config, evaluator: FakeEvaluator(failEvery: 50)).run(SweepOptions(jobs: 2))
        let text = SweepLauncher.report(summary, rankBy: "net_profit")
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "plan: 180 candidates, 75 skipped by constraints")
        #expect(lines.contains("top 5 by net_profit:"))
        #expect(lines.contains { $0.hasPrefix("  rank  run  fast  slow  mult  objective") })
        // The winner: fast 45 (50 fails), slow 50, mult 2.5 -> 450 - 50 + 2.5 + 5.
        #expect(lines.contains { $0.hasPrefix("  1     ") && $0.contains("45    50    2.5   407.5") })
        #expect(text.contains("first failure: run "))
        #expect(lines.last == "wrote \(tmp.path)/out/{runs.csv, leaderboard.csv, best/, robustness.json, report.html, manifest.json}")
    }

    @Test func journalRoundTripsAndRejectsTornLines() {
        let e = Journal.Entry(segment: 3, index: 42, status: .failed("tab\there\nnew line"), metrics: [])
        let line = Journal.format(e)
        #expect(Journal.parse(line: line) == e)
        let ok = Journal.Entry(segment: 0, index: 7, status: .ok, metrics: [1.5, .nan, -0.1, 1e-300, .infinity])
        let parsed = Journal.parse(line: Journal.format(ok))
        #expect(parsed?.metrics.count == 5)
        #expect(parsed?.metrics[0] == 1.5)
        #expect(parsed?.metrics[1].isNaN == true)
        #expect(parsed?.metrics[3] == 1e-300)
        #expect(parsed?.metrics[4] == .infinity)
        #expect(Journal.parse(line: String(Journal.format(ok).dropLast(5))) == nil)
        #expect(Journal.parse(line: Journal.format(ok).replacingOccurrences(of: "1.5", with: "1.6")) == nil)
    }
}
