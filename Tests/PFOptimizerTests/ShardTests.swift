import Foundation
import Testing

@testable import PFOptimizer

/// Sharded sweeps and walk-forwards, and their merge.
@Suite struct ShardTests {
    func options(jobs: Int = 2, shard: Shard? = nil, merge: Bool = false) -> SweepOptions {
        var o = SweepOptions(jobs: jobs)
        o.shard = shard
        o.merge = merge
        return o
    }

    func sweep(_ tmp: TempDirectory, _ text: String, _ options: SweepOptions, overrides: [String] = [],
               evaluator: FakeEvaluator = FakeEvaluator()) throws -> SweepSummary {
        let config = try SweepConfig.load(path: tmp.config(text), overrides: overrides)
        return try Sweep(config: config, evaluator: evaluator).run(options)
    }

    /// Run indices of a runs.csv (first column).
    func indices(_ text: String) -> [Int] {
        text.split(separator: "\n").dropFirst().compactMap { Int($0.split(separator: ",")[0]) }
    }

    @Test func shardParsing() throws {
        #expect(try Shard(parsing: "3/4") == Shard(index: 3, count: 4))
        #expect(throws: SweepError.self) { try Shard(parsing: "4/4") }
        #expect(throws: SweepError.self) { try Shard(parsing: "-1/4") }
        #expect(throws: SweepError.self) { try Shard(parsing: "1/0") }
        #expect(throws: SweepError.self) { try Shard(parsing: "1of4") }
    }

    /// A small discrete random search: duplicates are drawn (a 3 x 4 x 2 space, 20 trials) and a constraint skips some.
    static let randomSmall = """
        [strategy]
        script = "strat.pine"
        [data]
        file = "bars.csv"
        [search]
        method = "random"
        trials = 20
        seed = 11
        constraints = ["fast * 2 < slow"]
        [params]
        fast = { values = [5, 10, 20] }
        slow = { values = [10, 20, 30, 40] }
        mode = { values = ["A", "B"] }
        [objective]
        rank_by = "net_profit"
        [output]
        dir = "out"
        top = 10
        """

    @Test(arguments: [("grid", 1), ("grid", 3), ("grid", 7), ("random", 2), ("random", 5), ("randomSmall", 4)])
    func shardsAreDisjointCoverThePlanAndAreBalanced(method: String, count: Int) throws {
        let text = method == "grid" ? Configs.grid() : method == "random" ? Configs.random(trials: 45) : Self.randomSmall
        let whole = TempDirectory()
        defer { whole.cleanup() }
        let one = try sweep(whole, text, options())
        let expected = indices(whole.read("out/runs.csv"))
        #expect(expected.count == one.ran)
        if method == "randomSmall" { #expect(one.skippedDuplicates > 0 && one.skippedByConstraints > 0) }
        if method == "grid" { #expect(one.skippedByConstraints > 0) }
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        var seen: [Int] = []
        var sizes: [Int] = []
        for i in 0..<count {
            let part = try sweep(tmp, text, options(shard: try Shard(index: i, count: count)))
            let mine = indices(tmp.read("out/shards/\(i)/runs.csv"))
            #expect(part.ran == mine.count)
            // Shard i takes the scheduled runs at positions i, i + N, i + 2N, ...
            let positions = mine.compactMap { expected.firstIndex(of: $0) }
            #expect(positions == Array(stride(from: i, to: expected.count, by: count)))
            seen += mine
            sizes.append(mine.count)
        }
        #expect(seen.sorted() == expected)
        #expect(Set(seen).count == seen.count)
        #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
    }

    @Test func mergeIsByteIdenticalToOneMachineWhateverTheFinishingOrder() throws {
        let whole = TempDirectory()
        let tmp = TempDirectory()
        defer {
            whole.cleanup()
            tmp.cleanup()
        }
        let one = try sweep(whole, Configs.grid(), options())
        // Shards finish in reverse order, with different worker counts.
        for i in [3, 1, 2, 0] {
            _ = try sweep(tmp, Configs.grid(), options(jobs: 1 + i % 2, shard: try Shard(index: i, count: 4)))
        }
        let merged = try sweep(tmp, Configs.grid(), options(merge: true))
        for name in ["runs.csv", "leaderboard.csv", "best/trades.csv", "best/equity.csv", "robustness.json"] {
            #expect(whole.exists("out/" + name) == tmp.exists("out/" + name), "\(name)")
            #expect(tmp.read("out/" + name) == whole.read("out/" + name), "\(name) differs")
        }
        #expect(merged.ran == one.ran && merged.reused == 0)
        #expect(merged.passed == one.passed && merged.failed == one.failed && merged.filteredOut == one.filteredOut)
        #expect(merged.notes.contains("merged 4 shards: \(one.ran) runs"))
        let manifest = tmp.read("out/manifest.json")
        #expect(manifest.contains("\"run\" : \(one.ran)") && manifest.contains("\"resumed\" : 0"))
    }

    @Test func mergeRefusesMissingUnfinishedAndForeignShards() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        func mergeError() -> String {
            do {
                _ = try sweep(tmp, Configs.grid(), options(merge: true))
                return ""
            } catch {
                return String(describing: error)
            }
        }
        #expect(mergeError().hasSuffix("/out/shards: no shards to merge; run `pfopt sweep \(tmp.path)/sweep.toml --shard I/N` for I = 0...N-1 first"))
        _ = try sweep(tmp, Configs.grid(), options(shard: try Shard(index: 0, count: 3)))
        _ = try sweep(tmp, Configs.grid(), options(shard: try Shard(index: 2, count: 3)))
        #expect(mergeError().hasPrefix("shard 1 of 3 is missing (no \(tmp.path)/out/shards/1): run `pfopt sweep"))
        _ = try sweep(tmp, Configs.grid(), options(shard: try Shard(index: 1, count: 3)))
        // Unfinished: a shard stopped before its end has no completion record.
        try FileManager.default.removeItem(atPath: tmp.path + "/out/shards/1/shard.json")
        #expect(mergeError().hasPrefix("shard 1 of 3 has not finished (no \(tmp.path)/out/shards/1/shard.json): run `pfopt sweep \(tmp.path)/sweep.toml --shard 1/3` again"))
        // Another config: shard 1 re-run with other parameter values.
        _ = try sweep(tmp, Configs.grid(), options(shard: try Shard(index: 1, count: 3)), overrides: ["params.mult.values=[1.5,3.0]"])
        #expect(mergeError() == "shard 1 was run with another config (or script) than \(tmp.path)/sweep.toml: run it again")
        _ = try sweep(tmp, Configs.grid(), options(shard: try Shard(index: 1, count: 3)))
        // A shard of another split.
        _ = try sweep(tmp, Configs.grid(), options(shard: try Shard(index: 3, count: 5)))
        #expect(mergeError() == "\(tmp.path)/out/shards holds shards of different splits (into 3 and 5 shards): remove \(tmp.path)/out/shards and run the shards of one split")
        try FileManager.default.removeItem(atPath: tmp.path + "/out/shards/3")
        // Other data.
        tmp.write("bars.csv", "timestamp,open,high,low,close,volume\n2,1,1,1,1,1\n")
        #expect(mergeError() == "shard 0 was run on other data than \(tmp.path)/sweep.toml names now: run it again")
        tmp.write("bars.csv", "timestamp,open,high,low,close,volume\n1,1,1,1,1,1\n")
        // A journal that lost a run is refused, not silently completed by running it here.
        let journal = tmp.path + "/out/shards/2/journal.tsv"
        let lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").map(String.init)
        try (lines.dropLast().joined(separator: "\n") + "\n").write(toFile: journal, atomically: true, encoding: .utf8)
        #expect(mergeError().hasSuffix("shards/2/journal.tsv holds \(lines.count - 2) runs but the shard finished with \(lines.count - 1): run shard 2 again"))
        _ = try sweep(tmp, Configs.grid(), options(shard: try Shard(index: 2, count: 3)))
        #expect(mergeError() == "")
    }

    @Test func walkForwardShardsMergeToTheOneMachineResult() throws {
        let whole = TempDirectory()
        let tmp = TempDirectory()
        defer {
            whole.cleanup()
            tmp.cleanup()
        }
        func walk(_ dir: TempDirectory, _ options: SweepOptions) throws -> WalkForwardSummary {
            let config = try SweepConfig.load(path: dir.config(WalkForwardTests.config()))
            return try WalkForward(config: config, evaluator: FakeEvaluator()).run(options)
        }
        let one = try walk(whole, options())
        for i in [2, 0, 1] { _ = try walk(tmp, options(shard: try Shard(index: i, count: 3))) }
        #expect(!tmp.exists("wf/folds.csv"))
        let merged = try walk(tmp, options(merge: true))
        for name in ["folds.csv", "oos_trades.csv", "oos_equity.csv", "walkforward.json", "folds/fold_01/runs.csv",
                     "folds/fold_03/leaderboard.csv", "folds/fold_05/oos/trades.csv"] {
            #expect(tmp.read("wf/" + name) == whole.read("wf/" + name), "\(name) differs")
        }
        #expect(merged.ran == one.ran)
        #expect(merged.stitchedNetProfit == one.stitchedNetProfit)
    }
}
