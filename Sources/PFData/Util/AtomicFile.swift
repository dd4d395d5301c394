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

    /// Writes `bytes` to `path` atomically, straight from the buffer.
    public static func write(bytes: [UInt8], to path: String) throws {
        let temp = temporaryPath(for: path)
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission) }
        var ok = true
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let written = Foundation.write(fd, base + offset, raw.count - offset)
                if written <= 0 {
                    ok = false
                    return
                }
                offset += written
            }
        }
        if close(fd) != 0 { ok = false }
        guard ok else {
            unlink(temp)
            throw CocoaError(.fileWriteUnknown)
        }
        do {
            try replace(path, with: temp)
        } catch {
            unlink(temp)
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
