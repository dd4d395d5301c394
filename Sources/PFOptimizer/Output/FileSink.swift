import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A buffered, write-only file (created or truncated), written with
/// `write(2)` so that a flushed buffer survives a `kill -9`.
final class FileSink {
    let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int

    /// Opens `path`; `append` keeps existing content.
    init(path: String, append: Bool = false, capacity: Int = 1 << 16) throws(SweepError) {
        self.path = path
        self.capacity = capacity
        let flags = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC)
        fd = open(path, flags, 0o644)
        if fd < 0 { throw .io(path: path, reason: String(cString: strerror(errno))) }
        buffer.reserveCapacity(capacity)
    }

    deinit {
        try? flush()
        close(fd)
    }

    func write(_ text: String) throws(SweepError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { try flush() }
    }

    func flush() throws(SweepError) {
        guard !buffer.isEmpty else { return }
        var failure: Int32 = 0
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                guard let base = raw.baseAddress else { return }
                let n = Glibc_write(fd, base + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
        if failure != 0 { throw .io(path: path, reason: String(cString: strerror(failure))) }
    }
}

@inline(__always)
private func Glibc_write(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(fd, p, n)
    #else
        return Darwin.write(fd, p, n)
    #endif
}
