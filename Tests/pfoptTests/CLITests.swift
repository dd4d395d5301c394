import Foundation
import Testing

/// The `pfopt` executable end to end: every subcommand's success path (exit
/// code, what it prints, the files it writes) and its failure paths (the one
/// error line and the exit code). Expected trades and profits follow from the
/// strategy's rule on the synthetic feed, worked out in the comments.
@Suite("pfopt command line")
struct CLITests {
    static let rhythm = TestScripts.rhythm

    /// Closed trades and net profit of `rhythm` on `count` saw-tooth bars.
    /// The entry signalled on bar i fills at bar i+1's open, which is bar i's
    /// close, 100 + i % 20; the close signalled on bar i+hold fills at the
    /// open of bar i+hold+1, i.e. 100 + (i+hold) % 20. With period 10 or 20
    /// every trade gains `hold` points (i % 20 is 0 or 10, and hold < 10).
    static func expected(period: Int, hold: Int, count: Int) -> (trades: Int, net: Double) {
        let entries = stride(from: 0, to: count, by: period).filter { $0 + hold + 1 <= count - 1 }
        return (entries.count, Double(entries.count * hold))
    }

    @Test("--version and --help exit 0")
    func versionAndHelp() throws {
        let version = try CLIProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(!version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        for command in ["sweep", "walkforward", "run", "inspect", "data", "report", "merge", "slurm", "export"] {
            let help = try CLIProcess.run([command, "--help"])
            #expect(help.status == 0, "\(command) --help")
            #expect(help.stdout.contains("USAGE"), "\(command) --help")
        }
    }

    @Test("inspect lists the inputs; --json is JSON")
    func inspect() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        let script = try scratch.write("rhythm.pine", Self.rhythm)
        let table = try CLIProcess.run(["inspect", script])
        #expect(table.status == 0)
        #expect(table.stdout.contains("period") && table.stdout.contains("hold"))
        let json = try CLIProcess.run(["inspect", script, "--json"])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let inputs = object?["inputs"] as? [[String: Any]] ?? []
        #expect(inputs.count == 2)
    }

    @Test("run prints a summary and writes its four files; the trades follow the rule")
    func runWritesFiles() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        let script = try scratch.write("rhythm.pine", Self.rhythm)
        let feed = try scratch.writeFeed(count: 300)
        let out = scratch.path("one")
        let result = try CLIProcess.run(["run", script, "--data", feed, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        for name in ["trades.csv", "equity.csv", "metrics.json", "plots.csv"] {
            #expect(scratch.exists("one/\(name)"), "\(name)")
        }
        let expected = Self.expected(period: 10, hold: 5, count: 300)
        #expect(expected.trades == 30)
        let trades = try scratch.read("one/trades.csv").split(separator: "\n")
        #expect(trades.count == expected.trades + 1)
        let metrics = try JSONSerialization.jsonObject(with: Data(scratch.read("one/metrics.json").utf8))
        let all = (metrics as? [String: Any])?["all"] as? [String: Any]
        let net = (all?["net_profit"] as? Double) ?? .nan
        #expect(abs(net - expected.net) < 1e-6)

        let shorter = try CLIProcess.run(["run", script, "--data", feed, "--set", "hold=2", "--json"])
        #expect(shorter.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(shorter.stdout.utf8)) as? [String: Any]
        let shortNet = ((json?["all"] as? [String: Any])?["net_profit"] as? Double) ?? .nan
        #expect(abs(shortNet - Self.expected(period: 10, hold: 2, count: 300).net) < 1e-6)
    }

    @Test("--history-from: bars before it are not fed at all (bar_index restarts there)")
    func historyFrom() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        let script = try scratch.write("rhythm.pine", Self.rhythm)
        let feed = try scratch.writeFeed(count: 300)
        // Bar 100 of the feed opens 100 hours after 2024-01-01 00:00 UTC.
        let start = "2024-01-05T04:00:00Z"
        let result = try CLIProcess.run(["run", script, "--data", feed, "--history-from", start, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let all = json?["all"] as? [String: Any]
        // 200 bars fed, bar_index 0 at the old bar 100 (whose close is 100 + 100 % 20 = 100):
        // the same rhythm on 200 bars, every trade +5.
        let expected = Self.expected(period: 10, hold: 5, count: 200)
        #expect((all?["num_trades"] as? Int) == expected.trades)
        #expect(abs(((all?["net_profit"] as? Double) ?? .nan) - expected.net) < 1e-6)

        try scratch.write("sweep.toml", Self.sweepConfig())
        let sweep = try CLIProcess.run(["sweep", scratch.path("sweep.toml"), "--quiet", "--history-from", start])
        #expect(sweep.status == 0, "\(sweep.stderr)")
        let late = try CLIProcess.run(["run", script, "--data", feed, "--history-from", "2030-01-01"])
        #expect(late.status == 1)
        #expect(late.errorLines == ["pfopt: error: \(feed): the history start 2030-01-01T00:00:00Z is after the last bar"])
    }

    @Test("run: a bad script, an unknown input, a missing data file each give one located error")
    func runFailures() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        let good = try scratch.write("rhythm.pine", Self.rhythm)
        let bad = try scratch.write("bad.pine", "//@version=6\nstrategy(\"x\")\nx = foo(\n")
        let feed = try scratch.writeFeed(count: 50)

        let broken = try CLIProcess.run(["run", bad, "--data", feed])
        #expect(broken.status == 1)
        #expect(broken.errorLines.first == "\(bad):3:9: error: expected an expression, found end of line")

        let unknown = try CLIProcess.run(["run", good, "--data", feed, "--set", "nope=1"])
        #expect(unknown.status == 1)
        #expect(unknown.errorLines == ["pfopt: error: the script has no input 'nope' (its inputs: period, hold)"])

        let missing = try CLIProcess.run(["run", good, "--data", scratch.path("absent.csv")])
        #expect(missing.status == 1)
        #expect(missing.errorLines == ["pfopt: error: \(scratch.path("absent.csv")): no such file"])
    }

    @Test("run --magnifier synthetic uses the endpoints distribution: same fills as endpoints")
    func syntheticMagnifier() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        let script = try scratch.write("rhythm.pine", Self.rhythm)
        let feed = try scratch.writeFeed(count: 120)
        let synthetic = try CLIProcess.run(["run", script, "--data", feed, "--magnifier", "synthetic", "--samples", "4", "--json"])
        let endpoints = try CLIProcess.run(["run", script, "--data", feed, "--magnifier", "endpoints", "--samples", "4", "--json"])
        #expect(synthetic.status == 0, "\(synthetic.stderr)")
        #expect(endpoints.status == 0)
        #expect(synthetic.stdout == endpoints.stdout)
    }

    @Test("inspect: a broken script and a missing file")
    func inspectFailures() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        let bad = try scratch.write("bad.pine", "//@version=6\nstrategy(\"x\")\nx = foo(\n")
        let broken = try CLIProcess.run(["inspect", bad])
        #expect(broken.status == 1)
        #expect(broken.errorLines.first == "\(bad):3:9: error: expected an expression, found end of line")
        let missing = try CLIProcess.run(["inspect", scratch.path("absent.pine")])
        #expect(missing.status == 1)
        #expect(missing.errorLines == ["pfopt: error: \(scratch.path("absent.pine")): no such file or folder"])
    }

    @Test("a bad command line is one error line naming the help, exit 64")
    func usageErrors() throws {
        let noConfig = try CLIProcess.run(["sweep"])
        #expect(noConfig.status == 64)
        #expect(noConfig.errorLines == ["pfopt: error: Missing expected argument '<config>' (see 'pfopt sweep --help')"])
        let unknown = try CLIProcess.run(["frobnicate"])
        #expect(unknown.status == 64)
        #expect(unknown.errorLines.count == 1)
        #expect(unknown.errorLines.first?.hasSuffix("(see 'pfopt --help')") == true)
    }

    static func sweepConfig(extra: String = "") -> String {
        """
        [strategy]
        script = "rhythm.pine"
        [data]
        file = "feed.csv"
        [search]
        method = "grid"
        [params]
        period = { values = [10, 20] }
        hold = { values = [2, 5] }
        [objective]
        rank_by = "net_profit"
        direction = "maximize"
        [output]
        dir = "out"
        top = 10
        \(extra)
        """
    }

    @Test("sweep writes runs, leaderboard, best and manifest; the ranking follows the rule")
    func sweep() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        try scratch.write("rhythm.pine", Self.rhythm)
        try scratch.writeFeed(count: 300)
        let config = try scratch.write("sweep.toml", Self.sweepConfig())
        let result = try CLIProcess.run(["sweep", config, "--quiet", "--jobs", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["runs.csv", "leaderboard.csv", "manifest.json"] {
            #expect(scratch.exists("out/\(name)"), "\(name)")
        }
        #expect(scratch.exists("out/best"))
        let runs = try scratch.read("out/runs.csv").split(separator: "\n")
        #expect(runs.count == 4 + 1)

        // Ranked by net profit: (10, 5) 150, (20, 5) 75, (10, 2) 60, (20, 2) 30.
        let board = try scratch.read("out/leaderboard.csv").split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = board.first ?? []
        let p = header.firstIndex(of: "period")
        let h = header.firstIndex(of: "hold")
        #expect(p != nil && h != nil)
        let ranked = [(10, 5), (20, 5), (10, 2), (20, 2)].sorted {
            Self.expected(period: $0.0, hold: $0.1, count: 300).net > Self.expected(period: $1.0, hold: $1.1, count: 300).net
        }
        #expect(ranked.map { "\($0.0)/\($0.1)" } == ["10/5", "20/5", "10/2", "20/2"])
        if let p, let h {
            let order = board.dropFirst().map { "\($0[p])/\($0[h])" }
            #expect(order == ranked.map { "\($0.0)/\($0.1)" })
        }

        // The same command again resumes: nothing is run twice.
        let again = try CLIProcess.run(["sweep", config, "--quiet"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("4 resumed from the journal"))
    }

    @Test("sweep: an unknown key and a missing config are one error line each")
    func sweepFailures() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        try scratch.write("rhythm.pine", Self.rhythm)
        try scratch.writeFeed(count: 50)
        let config = try scratch.write(
            "bad.toml", Self.sweepConfig().replacingOccurrences(of: "method = \"grid\"", with: "methd = \"grid\""))
        let bad = try CLIProcess.run(["sweep", config, "--quiet"])
        #expect(bad.status == 1)
        #expect(
            bad.errorLines == [
                "pfopt: error: \(config):6: search.methd: unknown key in [search]; expected one of method, trials, seed, constraints"
            ])

        // A script error keeps the compiler's style: location, source line, caret.
        try scratch.write("broken.pine", "//@version=6\nstrategy(\"x\")\nx = nope\n")
        let brokenConfig = try scratch.write(
            "broken.toml", Self.sweepConfig().replacingOccurrences(of: "rhythm.pine", with: "broken.pine"))
        let broken = try CLIProcess.run(["sweep", brokenConfig, "--quiet"])
        #expect(broken.status == 1)
        #expect(broken.errorLines == ["\(scratch.path("broken.pine")):3:5: error: undeclared identifier 'nope'", "x = nope", "    ^~~~"])

        let missing = try CLIProcess.run(["sweep", scratch.path("absent.toml"), "--quiet"])
        #expect(missing.status == 1)
        #expect(missing.errorLines == ["pfopt: error: \(scratch.path("absent.toml")): cannot read the config: no such file or folder"])
    }

    @Test("walkforward writes its folds and the stitched out-of-sample files")
    func walkForward() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        try scratch.write("rhythm.pine", Self.rhythm)
        try scratch.writeFeed(count: 400)
        let config = try scratch.write(
            "wf.toml",
            Self.sweepConfig(
                extra: """
                    [walkforward]
                    mode = "rolling"
                    in_sample = "150 bars"
                    out_of_sample = "50 bars"
                    """))
        let result = try CLIProcess.run(["walkforward", config, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["folds.csv", "oos_trades.csv", "oos_equity.csv"] {
            #expect(scratch.exists("out/\(name)"), "\(name)")
        }
        let folds = try scratch.read("out/folds.csv").split(separator: "\n")
        #expect(folds.count >= 2)
    }

    @Test("data convert writes an .ohlcv file that data info describes")
    func data() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        let feed = try scratch.writeFeed(count: 120)
        let convert = try CLIProcess.run(["data", "convert", feed])
        #expect(convert.status == 0, "\(convert.stderr)")
        #expect(scratch.exists("feed.ohlcv"))
        #expect(convert.stdout.contains("120 bars"))
        let info = try CLIProcess.run(["data", "info", scratch.path("feed.ohlcv")])
        #expect(info.status == 0)
        #expect(info.stdout.contains("120"))

        let broken = try scratch.write("broken.csv", "timestamp,open,high,low,close,volume\n1704067200000,1,0.5,2,1,1\n")
        let refused = try CLIProcess.run(["data", "convert", broken])
        #expect(refused.status == 1)
        #expect(refused.errorLines == ["pfopt: error: \(broken):2: high 0.5 is below low 2.0"])
    }
}
