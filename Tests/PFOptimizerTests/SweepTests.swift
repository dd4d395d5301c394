import Foundation
import PineEngine
import PineLanguage
import Testing

@testable import PFOptimizer

@Suite struct SweepTests {
    func run(_ tmp: TempDirectory, _ text: String, _ evaluator: FakeEvaluator, jobs: Int, fresh: Bool = false,
             cancel: CancellationFlag? = nil, overrides: [String] = []) throws -> SweepSummary {
        let config = try SweepConfig.load(path: tmp.config(text), overrides: overrides)
        let sweep = try Sweep(config: config, evaluator: evaluator)
        return try sweep.run(SweepOptions(jobs: jobs, fresh: fresh, cancellation: cancel))
    }

    @Test func writesRankedLeaderboardAndRuns() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        let summary = try run(tmp, Configs.grid(), FakeEvaluator(), jobs: 2)
        // Independent expectation: all (fast, slow, mult) with fast < slow and fast + slow >= 30,
        // ranked by fast*10 - slow + mult + 5 (use_stop default true), ties by index.
        var expected: [(index: Int, objective: Double)] = []
        var index = 0
        var scheduled = 0
        for fast in stride(from: 5, through: 50, by: 5) {
            for slow in stride(from: 10, through: 60, by: 10) {
                for mult in [1.5, 2.0, 2.5] {
                    defer { index += 1 }
                    guard fast < slow else { continue }
                    scheduled += 1
                    guard fast + slow >= 30 else { continue }
                    expected.append((index, Double(fast * 10 - slow) + mult + 5))
                }
            }
        }
        expected.sort { $0.objective != $1.objective ? $0.objective > $1.objective : $0.index < $1.index }
        #expect(summary.ran == scheduled)
        #expect(summary.skippedByConstraints == 180 - scheduled)
        #expect(summary.passed == expected.count)
        #expect(summary.top.map(\.record.index) == expected.prefix(5).map(\.index))
        #expect(summary.top.map(\.objective) == expected.prefix(5).map(\.objective))

        let runs = tmp.read("out/runs.csv").split(separator: "\n")
        #expect(runs.count == scheduled + 1)
        #expect(runs[0].hasPrefix("run,status,fast,slow,mult,objective,passes_filters,num_trades,"))
        // Rows in run-index order.
        let indices = runs.dropFirst().compactMap { Int($0.split(separator: ",")[0]) }
        #expect(indices == indices.sorted())
        let board = tmp.read("out/leaderboard.csv").split(separator: "\n")
        #expect(board.count == 6)
        #expect(board[0] == "rank,run,fast,slow,mult,objective," + MetricCatalog.headline.joined(separator: ",") + ",deflated_sharpe")
        let first = board[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(first[0] == "1")
        #expect(Int(first[1]) == expected[0].index)
        #expect(Double(first[5]) == expected[0].objective)
        #expect(tmp.exists("out/best/trades.csv"))
        #expect(tmp.exists("out/manifest.json"))
        let manifest = tmp.read("out/manifest.json")
        #expect(manifest.contains("\"run\" : \(scheduled)"))
        #expect(manifest.contains("\"skipped\" : \(180 - scheduled)"))
    }

    @Test func outputIsIdenticalForOneAndEightJobs() throws {
        let a = TempDirectory()
        let b = TempDirectory()
        defer {
            a.cleanup()
            b.cleanup()
        }
        let slowish = FakeEvaluator(jitterMicros: 300)
        _ = try run(a, Configs.grid(), slowish, jobs: 1)
        _ = try run(b, Configs.grid(), slowish, jobs: 8)
        #expect(a.read("out/runs.csv") == b.read("out/runs.csv"))
        #expect(a.read("out/leaderboard.csv") == b.read("out/leaderboard.csv"))
        #expect(!a.read("out/runs.csv").isEmpty)
        let ra = TempDirectory()
        let rb = TempDirectory()
        defer {
            ra.cleanup()
            rb.cleanup()
        }
        _ = try run(ra, Configs.random(trials: 60), slowish, jobs: 1)
        _ = try run(rb, Configs.random(trials: 60), slowish, jobs: 8)
        #expect(ra.read("out/runs.csv") == rb.read("out/runs.csv"))
        #expect(ra.read("out/runs.csv").split(separator: "\n").count == 61)
    }

    @Test func failedRunsAreRecordedAndTheSweepGoesOn() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        let summary = try run(tmp, Configs.grid(constraints: "[]", filters: "[]"), FakeEvaluator(failEvery: 20), jobs: 2)
        // fast in 5...50 step 5: 20 and 40 fail, 2 of 10 values x 18 combos each.
        #expect(summary.failed == 36)
        #expect(summary.ran == 180)
        #expect(summary.passed == 144)
        let runs = tmp.read("out/runs.csv").split(separator: "\n")
        let failedRows = runs.filter { $0.contains(",failed,") }
        #expect(failedRows.count == 36)
        #expect(failedRows.allSatisfy { $0.hasSuffix("array index 20 out of range at line 12") || $0.hasSuffix("array index 40 out of range at line 12") })
        #expect(summary.firstFailure?.contains("array index 20") == true)
    }

    @Test func resumeAfterKillDoesNotRerunFinishedRuns() throws {
        let reference = TempDirectory()
        let tmp = TempDirectory()
        defer {
            reference.cleanup()
            tmp.cleanup()
        }
        _ = try run(reference, Configs.grid(), FakeEvaluator(), jobs: 2)
        _ = try run(tmp, Configs.grid(), FakeEvaluator(), jobs: 2)
        // Simulate kill -9: keep the header and 40 runs, then half a line.
        let journalPath = tmp.path + "/out/journal.tsv"
        let lines = try String(contentsOfFile: journalPath, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines[0...40].joined(separator: "\n") + "\n" + lines[41].prefix(25)
        try kept.write(toFile: journalPath, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: tmp.path + "/out/leaderboard.csv")
        try "garbage".write(toFile: tmp.path + "/out/runs.csv", atomically: true, encoding: .utf8)

        let counting = FakeEvaluator()
        let summary = try run(tmp, Configs.grid(), counting, jobs: 3)
        let total = reference.read("out/runs.csv").split(separator: "\n").count - 1
        #expect(summary.reused == 40)
        #expect(counting.calls.count == total - 40 + 1)  // + the best re-run
        #expect(summary.ran == total - 40)
        #expect(tmp.read("out/runs.csv") == reference.read("out/runs.csv"))
        #expect(tmp.read("out/leaderboard.csv") == reference.read("out/leaderboard.csv"))
        // The journal is whole again: a third run re-runs nothing.
        let again = FakeEvaluator()
        let third = try run(tmp, Configs.grid(), again, jobs: 2)
        #expect(third.ran == 0)
        #expect(again.calls.count == 1)
        #expect(tmp.read("out/runs.csv") == reference.read("out/runs.csv"))
    }

    @Test func changedConfigOrFreshStartsAfresh() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        _ = try run(tmp, Configs.grid(), FakeEvaluator(), jobs: 2)
        let changed = try run(tmp, Configs.grid(), FakeEvaluator(), jobs: 2, overrides: ["params.mult.values=[1.5,3.0]"])
        #expect(changed.reused == 0)
        #expect(changed.notes.contains { $0.contains("config changed") })
        let fresh = try run(tmp, Configs.grid(), FakeEvaluator(), jobs: 2, fresh: true)
        #expect(fresh.reused == 0)
        // Changing only the ranking keeps the finished runs.
        let reranked = try run(tmp, Configs.grid(), FakeEvaluator(), jobs: 2, overrides: ["objective.rank_by=num_trades"])
        #expect(reranked.ran == 0)
        #expect(reranked.reused == fresh.ran)
        tmp.write("bars.csv", "timestamp,open,high,low,close,volume\n2,1,1,1,1,1\n")
        let newData = try run(tmp, Configs.grid(), FakeEvaluator(), jobs: 2)
        #expect(newData.reused == 0)
        #expect(newData.notes.contains { $0.contains("data changed") })
    }

    @Test func cancellationStopsCleanlyAndResumes() throws {
        let reference = TempDirectory()
        let tmp = TempDirectory()
        defer {
            reference.cleanup()
            tmp.cleanup()
        }
        _ = try run(reference, Configs.grid(constraints: "[]"), FakeEvaluator(), jobs: 2)
        let flag = CancellationFlag()
        let cancelling = CancellingEvaluator(base: FakeEvaluator(jitterMicros: 200), flag: flag, after: 50)
        let config = try SweepConfig.load(path: tmp.config(Configs.grid(constraints: "[]")))
        let first = try Sweep(config: config, evaluator: cancelling).run(SweepOptions(jobs: 2, cancellation: flag))
        #expect(first.interrupted)
        #expect(first.ran >= 50 && first.ran < 180)
        #expect(!tmp.exists("out/best"))
        let second = try run(tmp, Configs.grid(constraints: "[]"), FakeEvaluator(), jobs: 2)
        #expect(!second.interrupted)
        #expect(second.reused == first.ran)
        #expect(second.ran == 180 - first.ran)
        #expect(tmp.read("out/runs.csv") == reference.read("out/runs.csv"))
    }

    @Test func noWorkerIsAnError() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        var broken = FakeEvaluator()
        broken.workerError = "script failed to compile"
        do {
            _ = try run(tmp, Configs.grid(), broken, jobs: 2)
            Issue.record("expected an error")
        } catch {
            #expect(String(describing: error).contains("script failed to compile"))
        }
    }

    @Test func leaderboardHeapKeepsTopNInBoundedMemory() throws {
        let objective = Objective(
            rankBy: try MetricExpression("a", variables: ["a"]), maximize: false, filters: [], variables: ["a"],
            metricCount: 1)
        var board = Leaderboard(capacity: 3, objective: objective)
        let values: [Double] = [5, 3, .nan, 3, 9, 1, 3, 7]
        for (i, v) in values.enumerated() {
            board.offer(RunRecord(index: i, values: [], status: .ok, metrics: [v]), objective: v)
            #expect(board.count <= 3)
        }
        #expect(board.ranked.map(\.record.index) == [5, 1, 3])
    }
}

/// Wraps an evaluator and cancels the sweep after a number of runs.
struct CancellingEvaluator: BacktestEvaluator {
    let base: FakeEvaluator
    let flag: CancellationFlag
    let after: Int
    var inputs: [InputSpec] { base.inputs }
    var barTimes: [Int64] { base.barTimes }

    func makeWorker() throws -> any BacktestWorker {
        CancellingWorker(inner: FakeWorker(evaluator: base), parent: self)
    }
}

final class CancellingWorker: BacktestWorker {
    let inner: FakeWorker
    let parent: CancellingEvaluator
    init(inner: FakeWorker, parent: CancellingEvaluator) {
        self.inner = inner
        self.parent = parent
    }

    func run(_ request: RunRequest) -> RunOutcome {
        let outcome = inner.run(request)
        if parent.base.calls.count >= parent.after { parent.flag.cancel() }
        return outcome
    }

    func runDetailed(_ request: RunRequest, writingTo directory: String) throws -> RunOutcome {
        try inner.runDetailed(request, writingTo: directory)
    }
}
