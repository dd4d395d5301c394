import Foundation
import Testing

@testable import PFOptimizer

/// The overfitting statistics on the real engine: a strategy entering on a
/// fixed bar rhythm over a random walk has no edge; over a feed where the
/// price drifts up exactly while one rhythm holds, that rhythm has one.
@Suite struct RobustnessEngineTests {
    static let rhythm = TestScripts.rhythm

    /// Hourly bars over 250 days. With `edge`, closes of bars whose index
    /// mod 10 is 1...5 drift up by 0.3 % and the others down by 0.3 %: the
    /// position of period 10, hold 5 (filled at the close of bar i, closed
    /// at the close of bar i + 5) catches exactly the rising bars.
    static func feed(edge: Bool, seed: UInt64) -> String {
        var g = GaussianSource(seed: seed)
        var lines = ["timestamp,open,high,low,close,volume"]
        let start: Int64 = 1_704_067_200_000
        var previous = 100.0
        for i in 0..<(250 * 24) {
            let drift = edge ? ((1...5).contains(i % 10) ? 0.003 : -0.003) : 0
            let close = previous * exp(g.next(mean: drift, sd: 0.01))
            let high = max(previous, close) * 1.001
            let low = min(previous, close) * 0.999
            lines.append("\(start + Int64(i) * 3_600_000),\(previous),\(high),\(low),\(close),100")
            previous = close
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func robustness(edge: Bool) throws -> [String: Any] {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        tmp.write("rhythm.pine", Self.rhythm)
        tmp.write("feed.csv", Self.feed(edge: edge, seed: 3))
        let config = tmp.config(
            """
            [strategy]
            script = "rhythm.pine"
            [data]
            file = "feed.csv"
            [search]
            method = "grid"
            [params]
            period = { from = 8, to = 12, step = 1 }
            hold = { from = 2, to = 7, step = 1 }
            [objective]
            rank_by = "net_profit"
            [output]
            dir = "out"
            """)
        let (loaded, evaluator) = try SweepLauncher.prepare(configPath: config, overrides: [])
        let summary = try Sweep(config: loaded, evaluator: evaluator).run(SweepOptions(jobs: 2, fresh: true))
        #expect(summary.ran == 30)
        let text = tmp.read("out/robustness.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func number(_ object: [String: Any], _ section: String, _ key: String) -> Double {
        ((object[section] as? [String: Any])?[key] as? NSNumber)?.doubleValue ?? .nan
    }

    @Test func noEdgeLooksOverfitAndAPlantedEdgeDoesNot() throws {
        let noise = try robustness(edge: false)
        let edge = try robustness(edge: true)
        let pboNoise = Self.number(noise, "pbo", "value")
        let pboEdge = Self.number(edge, "pbo", "value")
        let dsrNoise = Self.number(noise, "deflated_sharpe", "deflated_sharpe_probability")
        let dsrEdge = Self.number(edge, "deflated_sharpe", "deflated_sharpe_probability")
        #expect(Self.number(noise, "deflated_sharpe", "trials") == 30)
        #expect(Self.number(noise, "returns", "observations") == 250)
        #expect(pboNoise > 0.25, "PBO without edge: \(pboNoise)")
        #expect(dsrNoise < 0.5, "DSR without edge: \(dsrNoise)")
        #expect(pboEdge < 0.05, "PBO with an edge: \(pboEdge)")
        #expect(dsrEdge > 0.95, "DSR with an edge: \(dsrEdge)")
        // The planted rhythm wins, inside the searched ranges (no edge to widen).
        let objective = try #require(edge["objective"] as? [String: Any])
        #expect(objective["winner_run"] as? Int == 2 * 6 + 3)  // period 10 (third), hold 5 (fourth)
        #expect((edge["edges"] as? [Any])?.isEmpty == true)
    }
}
