import Foundation
import PineEngine
import Testing

@testable import PFOptimizer

/// Shared results folders, damaged journals, engine changes and counts.
@Suite struct SweepSafetyTests {
    func run(_ tmp: TempDirectory, _ text: String, _ evaluator: FakeEvaluator, jobs: Int = 2,
             version: String = "0.1.0") throws -> SweepSummary {
        let config = try SweepConfig.load(path: tmp.config(text))
        return try Sweep(config: config, evaluator: evaluator).run(SweepOptions(jobs: jobs, version: version))
    }

    @Test func damagedJournalLinesAreDroppedSaidAndRerun() throws {
        let reference = TempDirectory()
        let tmp = TempDirectory()
        defer {
            reference.cleanup()
            tmp.cleanup()
        }
        _ = try run(reference, Configs.grid(), FakeEvaluator())
        _ = try run(tmp, Configs.grid(), FakeEvaluator())
        let journalPath = tmp.path + "/out/journal.tsv"
        var lines = try String(contentsOfFile: journalPath, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let total = lines.count - 2  // header and the empty string after the last newline
        // Damage lines 10 and 20 (1-based): a changed metric breaks the checksum; a cut line has no fields.
        lines[9] = lines[9].replacingOccurrences(of: "\tok\t", with: "\tok\t9")
        lines[19] = String(lines[19].prefix(6))
        try lines.joined(separator: "\n").write(toFile: journalPath, atomically: true, encoding: .utf8)

        let counting = FakeEvaluator()
        let summary = try run(tmp, Configs.grid(), counting)
        #expect(summary.notes.contains { $0.hasPrefix("2 damaged journal lines (line 10, 20") && $0.contains("those runs run again") })
        #expect(summary.reused == total - 2)
        #expect(summary.ran == 2)
        #expect(counting.calls.count == 2 + 1)  // + the best re-run
        #expect(tmp.read("out/runs.csv") == reference.read("out/runs.csv"))
        #expect(tmp.read("out/leaderboard.csv") == reference.read("out/leaderboard.csv"))
        // The journal was rewritten whole: the next resume drops nothing.
        let again = try run(tmp, Configs.grid(), FakeEvaluator())
        #expect(again.ran == 0)
        #expect(!again.notes.contains { $0.contains("damaged") })
    }

    @Test func aChangeOfEngineSemanticsStartsAfreshAndSaysWhy() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        let first = try run(tmp, Configs.grid(), FakeEvaluator())
        let journalPath = tmp.path + "/out/journal.tsv"
        let text = try String(contentsOfFile: journalPath, encoding: .utf8)
        let header = try #require(text.split(separator: "\n").first)
        #expect(header.contains(" semantics=\(EngineSemantics.version) "))
        #expect(header.hasSuffix(" pfopt=0.1.0"))
        // Another pfopt version with the same semantics: the runs are reused.
        let upgraded = try run(tmp, Configs.grid(), FakeEvaluator(), version: "0.2.0")
        #expect(upgraded.ran == 0 && upgraded.reused == first.ran)
        let rewritten = try String(contentsOfFile: journalPath, encoding: .utf8)
        #expect(rewritten.split(separator: "\n").first?.hasSuffix(" pfopt=0.2.0") == true)
        // Runs computed under other backtest rules are not resumed.
        let older = rewritten.replacingOccurrences(
            of: " semantics=\(EngineSemantics.version) ", with: " semantics=\(EngineSemantics.version - 1) ")
        try older.write(toFile: journalPath, atomically: true, encoding: .utf8)
        let redone = try run(tmp, Configs.grid(), FakeEvaluator())
        #expect(redone.reused == 0 && redone.ran == first.ran)
        #expect(redone.notes.contains { $0.contains("other backtest rules (semantics version \(EngineSemantics.version - 1), now \(EngineSemantics.version))") })
    }

    @Test func twoSweepsOnOneFolderAtOnce() throws {
        let reference = TempDirectory()
        let tmp = TempDirectory()
        defer {
            reference.cleanup()
            tmp.cleanup()
        }
        _ = try run(reference, Configs.grid(), FakeEvaluator())
        let configPath = tmp.config(Configs.grid())
        let slow = FakeEvaluator(jitterMicros: 3_000)
        let firstResult = ResultBox()
        let thread = Thread {
            do {
                let config = try SweepConfig.load(path: configPath)
                firstResult.set(.success(try Sweep(config: config, evaluator: slow).run(SweepOptions(jobs: 1))))
            } catch {
                firstResult.set(.failure(error))
            }
        }
        thread.start()
        // Wait until the first sweep holds the folder.
        let lockPath = tmp.path + "/out/" + OutputLock.fileName
        var waited = 0
        func holder() -> String { (try? String(contentsOfFile: lockPath, encoding: .utf8)) ?? "" }
        while waited < 2_000 && !holder().contains("pid") {
            usleep(5_000)
            waited += 1
        }
        #expect(FileManager.default.fileExists(atPath: lockPath))
        do {
            _ = try run(tmp, Configs.grid(), FakeEvaluator())
            Issue.record("a second sweep on a busy folder started")
        } catch let error as SweepError {
            let message = String(describing: error)
            #expect(message.hasPrefix(tmp.path + "/out: the results folder is in use by pfopt sweep (pid \(getpid()) on "))
            #expect(message.contains(", started 20"))
        }
        while firstResult.value == nil { usleep(10_000) }
        guard case .success(let summary) = firstResult.value else {
            Issue.record("the first sweep failed: \(String(describing: firstResult.value))")
            return
        }
        #expect(!summary.interrupted)
        #expect(tmp.read("out/runs.csv") == reference.read("out/runs.csv"))
        #expect(tmp.read("out/leaderboard.csv") == reference.read("out/leaderboard.csv"))
        // Released at the end: the folder is free again.
        #expect(!FileManager.default.fileExists(atPath: lockPath))
        #expect(try run(tmp, Configs.grid(), FakeEvaluator()).ran == 0)
    }

    @Test func aStaleLockIsTakenOverWithANote() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        tmp.write("out/" + OutputLock.fileName, "pfopt sweep (pid 999999 on elsewhere, started 2026-01-02T03:04:05Z)")
        let summary = try run(tmp, Configs.grid(), FakeEvaluator())
        #expect(summary.notes.contains(
            "took over the lock of pfopt sweep (pid 999999 on elsewhere, started 2026-01-02T03:04:05Z), which is no longer running"))
        #expect(summary.ran > 0)
    }

    @Test func eachRunIsCountedOnce() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        // 36 of 180 runs fail; the filter keeps runs with fast + slow >= 30.
        let summary = try run(tmp, Configs.grid(constraints: "[]", filters: "[\"num_trades >= 30\"]"), FakeEvaluator(failEvery: 20))
        var passing = 0
        var filtered = 0
        for fast in stride(from: 5, through: 50, by: 5) where fast % 20 != 0 {
            for slow in stride(from: 10, through: 60, by: 10) {
                if fast + slow >= 30 { passing += 3 } else { filtered += 3 }
            }
        }
        #expect(summary.failed == 36)
        #expect(summary.passed == passing)
        #expect(summary.filteredOut == filtered)
        #expect(summary.failed + summary.passed + summary.filteredOut == summary.ran)
        #expect(summary.failureReason == nil)
        let manifest = tmp.read("out/manifest.json")
        #expect(manifest.contains("\"filtered_out\" : \(filtered)"))
    }

    @Test func aSweepInWhichEveryRunFailedIsAFailure() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        let summary = try run(tmp, Configs.grid(), FakeEvaluator(failEvery: 5))
        #expect(summary.failed == summary.ran && summary.ran > 0)
        #expect(summary.failureReason == "no run succeeded: all \(summary.ran) runs failed (first: run 0: array index 5 out of range at line 12)")
    }
}

/// A value handed from one thread to another.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Result<SweepSummary, any Error>?
    func set(_ r: Result<SweepSummary, any Error>) {
        lock.lock()
        stored = r
        lock.unlock()
    }
    var value: Result<SweepSummary, any Error>? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}

@Suite struct ResourceLimitTests {
    static let huge = Configs.plainGrid(
        params: """
            fast = { from = 1, to = 500, step = 1 }
            slow = { from = 1, to = 1000, step = 1 }
            mult = { from = 0.1, to = 10, step = 0.001 }
            """)

    @Test func aGridAboveTenMillionRunsNeedsConfirmation() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        let config = try SweepConfig.load(path: tmp.config(Self.huge))
        let evaluator = FakeEvaluator()
        let sweep = try Sweep(config: config, evaluator: evaluator)
        let cells = 500 * 1000 * 9901
        #expect(sweep.planner.plannedCount == cells)
        do {
            _ = try sweep.run(SweepOptions(jobs: 1))
            Issue.record("a grid of \(cells) runs started")
        } catch {
            let message = String(describing: error)
            #expect(message.hasPrefix("the grid has \(cells) runs, more than 10000000"))
            #expect(message.contains("add --yes") && message.contains("method = \"random\" and trials = 10000"))
        }
        #expect(evaluator.calls.count == 0)
        #expect(!tmp.exists("out/runs.csv"))
        // Confirmed (and capped by trials so the test ends): it runs.
        let capped = try SweepConfig.load(path: tmp.config(Self.huge + "\n"), overrides: ["search.trials=20"])
        var options = SweepOptions(jobs: 1)
        options.confirmLargeGrid = true
        #expect(try Sweep(config: capped, evaluator: FakeEvaluator()).run(options).ran == 20)
    }

    @Test func poolSizeFollowsMeasuredMemory() {
        let mb = 1 << 20
        // 1000 MB free, 80 % usable, 300 MB a worker: 2 more fit besides the first.
        let tight = MemoryBudget.affordable(wanted: 7, perWorker: 300 * mb, available: 1000 * mb)
        #expect(tight.count == 2)
        #expect(tight.note == "ran 3 workers instead of 8: each takes about 300 MB (measured on the first run) and 1000 MB are free")
        let roomy = MemoryBudget.affordable(wanted: 7, perWorker: 10 * mb, available: 1000 * mb)
        #expect(roomy.count == 7 && roomy.note == nil)
        let none = MemoryBudget.affordable(wanted: 3, perWorker: 2000 * mb, available: 1000 * mb)
        #expect(none.count == 0)
        #expect(MemoryBudget.residentBytes().map { $0 > 0 } == true)
        #expect(MemoryBudget.availableBytes().map { $0 > 0 } == true)
    }

    @Test func fileErrorsAreOneLineNamingWhatToDo() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        tmp.write("file", "x")
        do {
            try FileManager.default.createDirectory(atPath: tmp.path + "/file/sub", withIntermediateDirectories: true)
            Issue.record("expected an error")
        } catch {
            #expect(FileErrorText.describe(error, path: tmp.path + "/file/sub") == "\(tmp.path)/file is a file, not a folder")
        }
        do {
            try OutputDirectory.create(tmp.path + "/file/out")
            Issue.record("expected an error")
        } catch {
            #expect(String(describing: error) == "\(tmp.path)/file/out: cannot create the output directory: \(tmp.path)/file is a file, not a folder")
        }
    }
}
