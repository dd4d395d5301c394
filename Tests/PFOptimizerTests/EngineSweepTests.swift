import Foundation
import Testing

@testable import PFOptimizer

/// A sweep on the real engine: the example strategy over the bundled feed.
@Suite struct EngineSweepTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// With v6's margin of 100 and orders filled on the close, an all-in short entered at a
    /// close below its bar's high is short of margin on that bar (opened after the bar's
    /// margin-call check); the count is a column of runs.csv and a filter can keep such runs
    /// off the leaderboard.
    @Test func marginShortfallIsAColumnAndAFilter() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        let config = dir.write(
            "margin.toml",
            """
            [strategy]
            script = "\(Self.repo)/sweeps/strategies/sma_cross.pine"
            [strategy.overrides]
            margin_long = 100
            margin_short = 100
            process_orders_on_close = true
            [data]
            file = "\(Self.repo)/sweeps/data/ETHUSDT-PERP_15m.csv"
            from = "2026-01-01"
            [search]
            method = "grid"
            [params]
            fast_len = { values = [10, 20] }
            [objective]
            rank_by = "net_profit"
            filters = ["margin_shortfall_bars == 0"]
            [output]
            dir = "\(dir.path)/out"
            """)
        let (loaded, evaluator) = try SweepLauncher.prepare(configPath: config, overrides: [])
        let summary = try Sweep(config: loaded, evaluator: evaluator).run(SweepOptions(jobs: 2, fresh: true, writeBest: false))
        #expect(summary.ran == 2)
        let rows = dir.read("out/runs.csv").split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = try #require(rows.first)
        let column = try #require(header.firstIndex(of: "margin_shortfall_bars"))
        let passes = try #require(header.firstIndex(of: "passes_filters"))
        #expect(rows.count == 3)
        for row in rows.dropFirst() {
            #expect((Double(row[column]) ?? 0) > 0)
            #expect(row[passes] == "false")
        }
    }
}
