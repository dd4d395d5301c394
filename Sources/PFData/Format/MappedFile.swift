import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A read-only memory mapping of a whole file, unmapped when released.
final class MappedFile: @unchecked Sendable {
    /// The mapped bytes (empty for an empty file). Never written.
    let bytes: UnsafeRawBufferPointer
    private let mapped: UnsafeMutableRawPointer?
    private let length: Int

    /// Maps the file at `path` read-only.
    init(path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw OHLCVFileError.io(file: path, reason: "cannot open the file (\(String(cString: strerror(errno))))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw OHLCVFileError.io(file: path, reason: "cannot read the file size")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw OHLCVFileError.io(file: path, reason: "not a regular file")
        }
        let size = Int(info.st_size)
        length = size
        if size == 0 {
            mapped = nil
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        #if os(Linux)
            // Fault every page in at once: the whole file is decoded right after.
            let flags = MAP_PRIVATE | MAP_POPULATE
        #else
            let flags = MAP_PRIVATE
        #endif
        let pointer = mmap(nil, size, PROT_READ, flags, fd, 0)
        guard let pointer, pointer != MAP_FAILED else {
            throw OHLCVFileError.io(file: path, reason: "cannot map the file into memory")
        }
        mapped = pointer
        bytes = UnsafeRawBufferPointer(start: pointer, count: size)
    }

    deinit {
        if let mapped { munmap(mapped, length) }
    }
}
