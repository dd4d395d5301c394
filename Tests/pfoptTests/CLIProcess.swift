import Foundation

/// Runs the built `pfopt` executable as a user would and captures what it
/// prints and its exit code.
struct CLIProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Standard error's lines, without the trailing empty one.
        var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// The `pfopt` executable SwiftPM built beside this test bundle.
    static var executable: URL {
        let bundleDirectory = Bundle.main.bundleURL
        let candidates = [
            bundleDirectory.appendingPathComponent("pfopt"),
            bundleDirectory.deletingLastPathComponent().appendingPathComponent("pfopt"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("pfopt"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// The repository root (for the bundled examples).
    static var repository: URL { RepositoryPaths.root }

    /// Runs `pfopt arguments...` in `directory` and waits for it.
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? repository
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension ScratchFolder {
    /// `count` hourly bars from 2024-01-01 00:00 UTC: a saw-tooth price
    /// between 100 and 119 (open = previous close), so every bar is valid.
    @discardableResult
    func writeFeed(_ name: String = "feed.csv", count: Int) throws -> String {
        var lines = ["timestamp,open,high,low,close,volume"]
        let start: Int64 = 1_704_067_200_000
        var previous = 100.0
        for i in 0..<count {
            let close = 100.0 + Double(i % 20)
            let high = max(previous, close) + 0.5
            let low = min(previous, close) - 0.5
            lines.append("\(start + Int64(i) * 3_600_000),\(previous),\(high),\(low),\(close),\(10 + i % 7)")
            previous = close
        }
        return try write(name, lines.joined(separator: "\n") + "\n")
    }
}
