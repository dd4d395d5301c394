import Foundation
import Testing

/// The command line's answers to careless input: out-of-range --jobs, an
/// output path that cannot be a folder, a binary script, a sweep where every
/// run fails, a NaN bar in a .ohlcv file.
@Suite("pfopt command line: careless input")
struct SafetyCLITests {
    @Test("--jobs -1 gives the range error, as --jobs=-1 does")
    func negativeJobs() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        let config = try scratch.write("sweep.toml", CLITests.sweepConfig())
        for arguments in [["--jobs", "-1"], ["--jobs=-1"]] {
            let result = try CLIProcess.run(["sweep", config] + arguments)
            #expect(result.status != 0)
            #expect(result.stderr.contains("--jobs must be 1 or more (got -1)"), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Missing value"))
        }
    }

    @Test("run --out under a file: one line naming the path, no Foundation codes")
    func badOut() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        let script = try scratch.write("rhythm.pine", CLITests.rhythm)
        let feed = try scratch.writeFeed(count: 60)
        let blocker = try scratch.write("blocker", "a file")
        let result = try CLIProcess.run(["run", script, "--data", feed, "--out", blocker + "/sub"])
        #expect(result.status == 1)
        #expect(result.errorLines == ["pfopt: error: \(blocker)/sub: cannot write the run's files: \(blocker) is a file, not a folder"])
    }

    @Test("a binary .pine is 'not a text file' for run, inspect and sweep")
    func binaryScript() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        let script = scratch.path("rhythm.pine")
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: script))
        let feed = try scratch.writeFeed(count: 60)
        let config = try scratch.write("sweep.toml", CLITests.sweepConfig())
        for arguments in [["run", script, "--data", feed], ["inspect", script], ["sweep", config, "--quiet"]] {
            let result = try CLIProcess.run(arguments)
            #expect(result.status == 1, "\(arguments[0])")
            #expect(result.errorLines.count == 1 && result.stderr.contains("rhythm.pine: not a text file"), "\(arguments[0]): \(result.stderr)")
        }
    }

    @Test("a sweep in which every run fails exits non-zero and says why")
    func everyRunFails() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        // Every run indexes an empty array on its first bar.
        try scratch.write("rhythm.pine", """
            //@version=6
            strategy("fails", initial_capital = 10000)
            period = input.int(10, "Period", minval = 2)
            hold = input.int(5, "Hold", minval = 1)
            a = array.new_float(0)
            x = array.get(a, period)
            plot(x)
            """)
        try scratch.writeFeed(count: 60)
        let config = try scratch.write("sweep.toml", CLITests.sweepConfig())
        let result = try CLIProcess.run(["sweep", config, "--quiet"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("4 failed, 0 passed the filters, 0 filtered out"))
        #expect(result.errorLines.last?.hasPrefix("pfopt: error: no run succeeded: all 4 runs failed (first: run 0: ") == true, "\(result.stderr)")
    }

    @Test("a NaN bar in a .ohlcv file stops run with the bar's index and time")
    func nanBar() throws {
        let scratch = try ScratchFolder(label: "pfopt-cli")
        defer { scratch.remove() }
        let script = try scratch.write("rhythm.pine", CLITests.rhythm)
        let feed = try scratch.writeFeed(count: 60)
        let convert = try CLIProcess.run(["data", "convert", feed])
        #expect(convert.status == 0)
        let ohlcv = scratch.path("feed.ohlcv")
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: ohlcv)))
        // Standard layout: 64-byte header, six 24-byte descriptors, then records; the open f64 sits at +8.
        let recordSize = Int(bytes[16]) | Int(bytes[17]) << 8
        let at = 64 + 6 * 24 + 17 * recordSize + 8
        withUnsafeBytes(of: Double.nan.bitPattern.littleEndian) { for (k, b) in $0.enumerated() { bytes[at + k] = b } }
        try Data(bytes).write(to: URL(fileURLWithPath: ohlcv))
        let result = try CLIProcess.run(["run", script, "--data", ohlcv])
        #expect(result.status == 1)
        // Bar 17 opens 17 hours after 2024-01-01 00:00 UTC.
        #expect(result.errorLines == ["pfopt: error: \(ohlcv): bar 17 (2024-01-01T17:00:00Z): open is NaN"], "\(result.stderr)")
    }
}
