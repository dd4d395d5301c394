import Foundation

/// Writes files so a failure never leaves a broken one: the bytes go to a
/// temporary file in the same folder, which is then renamed over the target.
public enum AtomicFile {
    /// Writes `data` to `path` atomically.
    public static func write(_ data: Data, to path: String) throws {
        let temp = temporaryPath(for: path)
        do {
            try data.write(to: URL(fileURLWithPath: temp))
            try replace(path, with: temp)
        } catch {
            try? FileManager.default.removeItem(atPath: temp)
            throw error
        }
    }

    /// A temporary path beside `path` (matched by `.gitignore` as `*.ohlcv.tmp*` for data files).
    public static func temporaryPath(for path: String) -> String {
        "\(path).tmp\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Renames `temp` over `path` (replacing any existing file).
    public static func replace(_ path: String, with temp: String) throws {
        if rename(temp, path) != 0 {
            throw CocoaError(.fileWriteUnknown)
        }
    }
}
