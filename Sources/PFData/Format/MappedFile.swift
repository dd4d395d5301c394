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
        let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
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
