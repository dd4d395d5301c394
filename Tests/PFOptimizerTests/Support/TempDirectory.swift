import Foundation

/// A fresh directory under the system temp folder, removed by `cleanup()`.
struct TempDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "pfopt-opt-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` inside the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let p = path + "/" + name
        let dir = (p as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try? text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }

    func read(_ name: String) -> String {
        (try? String(contentsOfFile: path + "/" + name, encoding: .utf8)) ?? ""
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path + "/" + name) }

    func cleanup() { try? FileManager.default.removeItem(atPath: path) }

    /// A config whose strategy and data files exist in this directory.
    func config(_ body: String, name: String = "sweep.toml") -> String {
        if !exists("strat.pine") { write("strat.pine", "//@version=6\nstrategy(\"x\")\n") }
        if !exists("bars.csv") { write("bars.csv", "timestamp,open,high,low,close,volume\n1,1,1,1,1,1\n") }
        return write(name, body)
    }
}
