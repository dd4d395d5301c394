import Foundation

/// FNV-1a 64-bit hashing of config text and data files, to tell whether a
/// journal still belongs to the config and data it was written for.
public struct Fingerprint: Sendable {
    private(set) var state: UInt64 = 0xCBF2_9CE4_8422_2325

    public init() {}

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var h = state
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        state = h
    }

    public mutating func add(_ text: String) {
        var copy = text
        copy.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        // A separator so that ("ab","c") and ("a","bc") differ.
        state = (state ^ 0xFF) &* 0x0000_0100_0000_01B3
    }

    /// The hash as 16 hex digits.
    public var hex: String {
        let s = String(state, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// Hashes a file's bytes (files above 256 MB: size, first and last 32 MB).
    /// A missing file hashes to its path plus "missing".
    public static func file(_ path: String) -> String {
        var f = Fingerprint()
        f.add(path)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            f.add("missing")
            return f.hex
        }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        f.add(String(size))
        let chunk = 1 << 20
        let limit: UInt64 = 256 << 20
        var ranges: [(UInt64, UInt64)] = [(0, size)]
        if size > limit { ranges = [(0, 32 << 20), (size - (32 << 20), size)] }
        for (start, end) in ranges {
            try? handle.seek(toOffset: start)
            var position = start
            while position < end {
                let n = Int(min(UInt64(chunk), end - position))
                guard let data = try? handle.read(upToCount: n), !data.isEmpty else { break }
                data.withUnsafeBytes { f.add($0) }
                position += UInt64(data.count)
            }
        }
        return f.hex
    }
}
