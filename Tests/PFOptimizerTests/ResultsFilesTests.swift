import Foundation
import PineEngine
import Testing

@testable import PFOptimizer

/// What a results folder holds besides runs.csv: the winner's inputs, the
/// walk-forward's robustness.json and its page.
@Suite struct ResultsFilesTests {
    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func bestHoldsTheWinnersInputs() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        let config = try SweepConfig.load(path: tmp.config(Configs.grid()))
        let summary = try Sweep(config: config, evaluator: FakeEvaluator()).run(SweepOptions(jobs: 2))
        let best = try #require(summary.best)
        let inputs = try Self.object(tmp.read("out/best/inputs.json"))
        #expect(inputs["run"] as? Int == best.record.index)
        // The winner (ranked by net_profit = fast*10 - slow + mult + 5): fast 50, slow 60, mult 2.5.
        let searched = try #require(inputs["searched"] as? [String: Any])
        #expect(searched["fast"] as? Int == 50 && searched["slow"] as? Int == 60)
        #expect((searched["mult"] as? NSNumber)?.doubleValue == 2.5)
        // Every input of the script, the unsearched ones at their defaults.
        let all = try #require(inputs["inputs"] as? [String: Any])
        #expect(all["use_stop"] as? Bool == true && all["mode"] as? String == "A")
        // The leaderboard's first row is the winner, written for people.
        let board = tmp.read("out/leaderboard.csv").split(separator: "\n")
        let header = board[0].split(separator: ",").map(String.init)
        let row = board[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let trades = try #require(header.firstIndex(of: "num_trades"))
        #expect(row[trades] == "110")  // fast + slow, an integer
    }

    @Test func walkForwardWritesFoldStatisticsAndAPage() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        let config = try SweepConfig.load(path: tmp.config(WalkForwardTests.config()))
        let wf = try WalkForward(config: config, evaluator: FakeEvaluator())
        let summary = try wf.run(SweepOptions(jobs: 2))
        let robustness = try Self.object(tmp.read("wf/robustness.json"))
        let section = try #require(robustness["walkforward"] as? [String: Any])
        let folds = try #require(section["folds"] as? [[String: Any]])
        #expect(folds.count == summary.folds.count)
        for (f, r) in zip(folds, summary.folds) {
            #expect((f["in_sample_objective"] as? NSNumber)?.doubleValue == r.best?.objective)
            // Ranked by net_profit: the out-of-sample objective is the out-of-sample net profit.
            let i = try #require(MetricCatalog.flatNames.firstIndex(of: "net_profit"))
            #expect((f["out_of_sample_objective"] as? NSNumber)?.doubleValue == r.outOfSample?.metrics[i])
            #expect(f["out_of_sample_from_ms"] as? Int == Int(r.fold.outOfSampleStart))
        }
        #expect(section["parameter_stability"] is [String: Any])
        #expect(tmp.exists("wf/report.html"))
        let foldsCSV = tmp.read("wf/folds.csv").split(separator: "\n")
        #expect(foldsCSV[0].hasSuffix("in_sample_start_ms,in_sample_end_ms,out_of_sample_start_ms,out_of_sample_end_ms"))
    }
}
