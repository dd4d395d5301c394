import Foundation
import Testing

/// A scratch folder for the sweep tests whose file operations record a test
/// issue instead of throwing (so call sites stay short).
struct TempDirectory {
    let folder: ScratchFolder
    var path: String { folder.path }

    init() {
        do {
            folder = try ScratchFolder(label: "pfopt-opt-tests")
        } catch {
            Issue.record("cannot create a scratch folder: \(error)")
            folder = ScratchFolder(unchecked: FileManager.default.temporaryDirectory)
        }
    }

    /// Writes `text` to `name` inside the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        do {
            return try folder.write(name, text)
        } catch {
            Issue.record("cannot write \(name): \(error)")
            return folder.path(name)
        }
    }

    func read(_ name: String) -> String {
        do {
            return try folder.read(name)
        } catch {
            Issue.record("cannot read \(name): \(error)")
            return ""
        }
    }

    func exists(_ name: String) -> Bool { folder.exists(name) }

    func cleanup() { folder.remove() }
    /// A config whose strategy and data files exist in this directory.
    func config(_ body: String, name: String = "sweep.toml") -> String {
        if !exists("strat.pine") { write("strat.pine", "//@version=6\nstrategy(\"x\")\n") }
        if !exists("bars.csv") { write("bars.csv", "timestamp,open,high,low,close,volume\n1,1,1,1,1,1\n") }
        return write(name, body)
    }
}
