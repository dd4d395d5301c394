import Foundation
import Testing

/// The subcommands `CLITests` and `ClusterCLITests` do not cover end to end
/// (`report`, `export`, `data info`, `data export`), the failure paths of
/// `walkforward` and `slurm`, the grid-size guard, and `calc_on_order_fills`
/// as an override of `run`: each with its exit code and its exact one error line.
@Suite("pfopt command line: every subcommand")
struct SubcommandCLITests {
    /// Enters long on every 10th bar and exits one point above the entry
    /// with a limit order.
    static let oneUp = """
        //@version=6
        strategy("one up", initial_capital = 10000)
        if bar_index % 10 == 0
            strategy.entry("L", strategy.long)
        if strategy.position_size > 0
            strategy.exit("X", "L", limit = strategy.position_avg_price + 1)
        """

    /// The entry and exit bars of each trade in `trades.csv`.
    static func tradeBars(_ csv: String) -> [(entry: Int, exit: Int)] {
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = rows.first, let e = header.firstIndex(of: "entry_bar"), let x = header.firstIndex(of: "exit_bar")
        else { return [] }
        return rows.dropFirst().map { (Int($0[e]) ?? -1, Int($0[x]) ?? -1) }
    }

    /// On the saw-tooth feed the entry signalled on bar i (i % 20 is 0 or 10)
    /// fills at bar i+1's open, 100 + i % 20; bar i+1 rises to its close one
    /// point higher (high half a point above). Declared without the setting,
    /// the exit is placed on bar i+1's close and fills at bar i+2's open (the
    /// limit level). With `--override calc_on_order_fills=true` the script runs
    /// again after the open fill, places the exit there, and bar i+1's rise
    /// reaches it: entry and exit on the same bar.
    @Test("run --override calc_on_order_fills=true runs the script again after a fill")
    func calcOnOrderFillsOverride() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        let script = try scratch.write("oneup.pine", Self.oneUp)
        let feed = try scratch.writeFeed(count: 60)
        // Entries on bars 0, 10, ..., 50 (the last exit, on bar 52 without the setting, is inside 60 bars).
        let signals = stride(from: 0, through: 50, by: 10).map { $0 + 1 }
        let plain = try CLIProcess.run(["run", script, "--data", feed, "--out", scratch.path("plain")])
        #expect(plain.status == 0, "\(plain.stderr)")
        let plainBars = Self.tradeBars(try scratch.read("plain/trades.csv"))
        #expect(plainBars.map(\.entry) == signals && plainBars.map(\.exit) == signals.map { $0 + 1 })
        let again = try CLIProcess.run(
            ["run", script, "--data", feed, "--override", "calc_on_order_fills=true", "--out", scratch.path("again")])
        #expect(again.status == 0, "\(again.stderr)")
        let againBars = Self.tradeBars(try scratch.read("again/trades.csv"))
        #expect(againBars.map(\.entry) == signals && againBars.map(\.exit) == signals)

        let both = try CLIProcess.run([
            "run", script, "--data", feed, "--override", "calc_on_order_fills=true", "--override", "process_orders_on_close=true",
        ])
        #expect(both.status == 1)
        #expect(
            both.errorLines == [
                "pfopt: error: overrides: calc_on_order_fills=true with process_orders_on_close=true is not supported yet "
                    + "(what the extra execution after a fill on the bar's close may fill is not documented)"
            ])
        let bad = try CLIProcess.run(["run", script, "--data", feed, "--override", "calc_on_order_fills=maybe"])
        #expect(bad.status == 1)
        #expect(bad.errorLines == ["pfopt: error: override calc_on_order_fills=maybe is invalid: expected true or false"])
    }

    /// 5000 periods by 2501 holds is 12,505,000 grid cells: refused before
    /// anything runs; with --yes and a trial cap of 3 it runs 3.
    @Test("sweep: a grid above 10 million cells asks for --yes or suggests random search")
    func hugeGrid() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        try scratch.write("rhythm.pine", CLITests.rhythm)
        try scratch.writeFeed(count: 60)
        let config = try scratch.write(
            "huge.toml",
            CLITests.sweepConfig().replacingOccurrences(
                of: "period = { values = [10, 20] }\nhold = { values = [2, 5] }",
                with: "period = { from = 2, to = 5001, step = 1 }\nhold = { from = 1, to = 2501, step = 1 }"))
        let cells = 5000 * 2501
        let refused = try CLIProcess.run(["sweep", config, "--quiet"])
        #expect(refused.status == 1)
        #expect(
            refused.errorLines == [
                "pfopt: error: the grid has \(cells) runs, more than 10000000: at a few hundred runs a second that takes "
                    + "longer than a day; add --yes to run it anyway, or search it with method = \"random\" and trials = 10000 "
                    + "(about 1 in \(cells / 10_000) of the grid)"
            ])
        #expect(!scratch.exists("out/runs.csv"))
        let confirmed = try CLIProcess.run(["sweep", config, "--quiet", "--yes", "--set", "search.trials=3"])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(try scratch.read("out/runs.csv").split(separator: "\n").count == 3 + 1)
    }

    @Test("walkforward: a config without [walkforward] is one error line")
    func walkForwardFailure() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        try scratch.write("rhythm.pine", CLITests.rhythm)
        try scratch.writeFeed(count: 60)
        let config = try scratch.write("sweep.toml", CLITests.sweepConfig())
        let result = try CLIProcess.run(["walkforward", config, "--quiet"])
        #expect(result.status == 1)
        #expect(
            result.errorLines == [
                "pfopt: error: \(config): walkforward: missing; add a [walkforward] table with in_sample and out_of_sample, "
                    + "e.g. in_sample = \"120d\""
            ])
        #expect(!scratch.exists("out/runs.csv"))
    }

    @Test("report rebuilds report.html; a missing folder and a folder without a manifest are one line each")
    func report() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        try scratch.write("rhythm.pine", CLITests.rhythm)
        try scratch.writeFeed(count: 120)
        let config = try scratch.write("sweep.toml", CLITests.sweepConfig())
        #expect(try CLIProcess.run(["sweep", config, "--quiet"]).status == 0)
        let page = scratch.path("out/report.html")
        try FileManager.default.removeItem(atPath: page)
        let rebuilt = try CLIProcess.run(["report", scratch.path("out")])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(rebuilt.stdout == "wrote \(scratch.path("out"))/report.html\n")
        let html = try scratch.read("out/report.html")
        #expect(html.hasPrefix("<!DOCTYPE html>") || html.hasPrefix("<!doctype html>"))

        let missing = try CLIProcess.run(["report", scratch.path("absent")])
        #expect(missing.status == 1)
        #expect(missing.errorLines == ["pfopt: error: \(scratch.path("absent")): no such results folder"])
        let empty = try CLIProcess.run(["report", scratch.path])
        #expect(empty.status == 1)
        #expect(
            empty.errorLines == [
                "pfopt: error: \(scratch.path): no manifest.json: not a folder written by pfopt sweep or walkforward"
            ])
    }

    @Test("slurm: --shards 0 is a command-line error, exit 64")
    func slurmFailure() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        try scratch.write("rhythm.pine", CLITests.rhythm)
        try scratch.writeFeed(count: 60)
        let config = try scratch.write("sweep.toml", CLITests.sweepConfig())
        let result = try CLIProcess.run(["slurm", config, "--shards", "0"])
        #expect(result.status == 64)
        #expect(result.errorLines == ["pfopt: error: --shards must be 1 or more (got 0) (see 'pfopt slurm --help')"])
        #expect(!scratch.exists("out/slurm"))
    }

    /// `data export` writes the bars of a `.ohlcv` file back as CSV: the same
    /// times and prices as the CSV it was converted from.
    @Test("data info and data export: the converted bars come back; a missing file is one line")
    func dataInfoAndExport() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        let feed = try scratch.writeFeed(count: 48)
        #expect(try CLIProcess.run(["data", "convert", feed]).status == 0)
        let ohlcv = scratch.path("feed.ohlcv")
        let info = try CLIProcess.run(["data", "info", ohlcv, "--json"])
        #expect(info.status == 0, "\(info.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any]
        #expect(object?["bars"] as? Int == 48)
        #expect(object?["first_time"] as? Int == 1_704_067_200_000)
        #expect(object?["last_time"] as? Int == 1_704_067_200_000 + 47 * 3_600_000)

        let exported = try CLIProcess.run(["data", "export", ohlcv, scratch.path("back.csv")])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout == "wrote \(scratch.path("back.csv")): 48 bars\n")
        func rows(_ text: String) -> [[Double]] {
            text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map { Double($0) ?? .nan } }
        }
        #expect(rows(try scratch.read("back.csv")) == rows(try scratch.read("feed.csv")))

        let absent = scratch.path("absent.ohlcv")
        let missingInfo = try CLIProcess.run(["data", "info", absent])
        #expect(missingInfo.status == 1)
        #expect(missingInfo.errorLines == ["pfopt: error: \(absent): no such file"])
        let missingExport = try CLIProcess.run(["data", "export", absent, scratch.path("x.csv")])
        #expect(missingExport.status == 1)
        #expect(missingExport.errorLines == ["pfopt: error: \(absent): cannot open the file (No such file or directory)"])
    }

    /// The exported library is the base library's bytes, then the payload
    /// `ExportPayload` documents: the script as JSON, its length as 8 bytes
    /// little-endian, and the marker `pfopt-script-v1\n`; the header beside
    /// it is the interface header of this repository.
    @Test("export appends the script to the base library and writes the header; bad input is one line")
    func export() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        let script = try scratch.write("rhythm.pine", CLITests.rhythm)
        let base = try scratch.write("base.so", "base library bytes")
        let output = scratch.path("lib/rhythm.so")
        try FileManager.default.createDirectory(atPath: scratch.path("lib"), withIntermediateDirectories: true)
        let result = try CLIProcess.run(["export", script, "-o", output, "--set", "hold=3", "--base-library", base])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "wrote \(output) (ABI version 2) and \(scratch.path("lib/pfopt_abi.h"))\n")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: output)))
        let marker = Array("pfopt-script-v1\n".utf8)
        let prefix = Array("base library bytes".utf8)
        #expect(Array(bytes.prefix(prefix.count)) == prefix)
        #expect(Array(bytes.suffix(marker.count)) == marker)
        let lengthBytes = bytes[(bytes.count - marker.count - 8)..<(bytes.count - marker.count)]
        let length = lengthBytes.enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        #expect(prefix.count + length + 8 + marker.count == bytes.count)
        let json = Data(bytes[prefix.count..<(prefix.count + length)])
        let payload = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        #expect(payload?["source"] as? String == CLITests.rhythm)
        #expect(payload?["fileName"] as? String == "rhythm.pine")
        #expect(payload?["inputs"] as? [String: String] == ["hold": "3"])
        let header = try String(
            contentsOf: RepositoryPaths.root.appendingPathComponent("Sources/CPFABI/include/pfopt_abi.h"), encoding: .utf8)
        #expect(try scratch.read("lib/pfopt_abi.h") == header)

        let indicator = try scratch.write("ind.pine", "//@version=6\nindicator(\"i\")\nplot(close)\n")
        let refused = try CLIProcess.run(["export", indicator, "-o", scratch.path("ind.so"), "--base-library", base])
        #expect(refused.status == 1)
        #expect(
            refused.errorLines == ["pfopt: error: \(indicator): the script is an indicator, not a strategy: a library needs strategy(...)"])
        let absent = scratch.path("absent.pine")
        let missing = try CLIProcess.run(["export", absent, "-o", scratch.path("x.so"), "--base-library", base])
        #expect(missing.status == 1)
        #expect(missing.errorLines == ["pfopt: error: \(absent): cannot read the file"])
        #expect(!scratch.exists("x.so") && !scratch.exists("ind.so"))
    }
}
