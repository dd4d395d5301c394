import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on a results folder, held for a whole sweep,
/// walk-forward or merge so that two of them never write one folder at once.
///
/// The lock is `flock(2)` on `FOLDER/.pfopt.lock`, which names the holder
/// (pid, host, start time). The kernel drops it when the holder exits,
/// however it exits; a lock file left by a process that is gone is taken
/// over, with a note.
public final class OutputLock: @unchecked Sendable {
    public static let fileName = ".pfopt.lock"

    public let path: String
    private var fd: Int32
    /// Set when the lock file of a finished or killed process was taken over.
    public let note: String?

    /// Takes the lock on `directory` (which must exist), or throws naming the holder.
    public init(directory: String, command: String) throws(SweepError) {
        path = directory + "/" + Self.fileName
        var attempt = 0
        while true {
            attempt += 1
            let descriptor = open(path, O_RDWR | O_CREAT, 0o644)
            if descriptor < 0 { throw .io(path: path, reason: "cannot create the lock file: \(String(cString: strerror(errno)))") }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let holder = Self.read(descriptor)
                close(descriptor)
                throw .busy(
                    path: directory,
                    holder: holder.isEmpty ? "another pfopt process" : holder)
            }
            // The file may have been removed by a holder that finished between our open and flock.
            var mine = stat()
            var current = stat()
            if fstat(descriptor, &mine) != 0 || stat(path, &current) != 0 || mine.st_ino != current.st_ino
                || mine.st_dev != current.st_dev
            {
                close(descriptor)
                if attempt < 5 { continue }
                throw .io(path: path, reason: "the lock file keeps changing; is another pfopt starting here?")
            }
            let previous = Self.read(descriptor)
            note = previous.isEmpty ? nil : "took over the lock of \(previous), which is no longer running"
            fd = descriptor
            break
        }
        let host = ProcessInfo.processInfo.hostName
        let started = UTCTime.now()
        let text = "pfopt \(command) (pid \(getpid()) on \(host), started \(started))"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    /// Gives the lock up (also done when the process ends).
    public func release() {
        guard fd >= 0 else { return }
        // Empty the file first: a reader that opened it before the unlink sees no holder.
        _ = ftruncate(fd, 0)
        unlink(path)
        close(fd)
        fd = -1
    }

    deinit { release() }

    private static func read(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 512)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 512, 0) }
        guard n > 0 else { return "" }
        return String(decoding: buffer.prefix(n), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
