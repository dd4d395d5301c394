import Foundation

/// What `pfopt export` appends to a strategy library: the script and its
/// fixed inputs, as JSON followed by an 8-byte little-endian length and a
/// 16-byte marker at the very end of the file. The dynamic loader ignores
/// bytes after the ELF image, so the library loads as before and reads its
/// own file to find the script.
public struct ExportPayload: Sendable, Equatable, Codable {
    /// The script's file name (messages name it).
    public var fileName: String
    /// The Pine source.
    public var source: String
    /// Fixed input values as text, by variable name.
    public var inputs: [String: String]

    public init(fileName: String, source: String, inputs: [String: String]) {
        self.fileName = fileName
        self.source = source
        self.inputs = inputs
    }

    /// The last 16 bytes of a library that carries a payload.
    public static let marker = Array("pfopt-script-v1\n".utf8)

    /// The bytes to append to a library.
    public func trailer() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = [UInt8](try encoder.encode(self))
        var out = json
        var length = UInt64(json.count).littleEndian
        withUnsafeBytes(of: &length) { out.append(contentsOf: $0) }
        out.append(contentsOf: Self.marker)
        return out
    }

    /// The payload at the end of the file at `path`; nil when it carries none.
    public static func read(fromFileAt path: String) throws -> ExportPayload? {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ExportError.unreadable(path)
        }
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        let tail = UInt64(8 + marker.count)
        guard size >= tail else { return nil }
        try handle.seek(toOffset: size - tail)
        guard let end = try handle.read(upToCount: Int(tail)), end.count == Int(tail) else { return nil }
        guard Array(end.suffix(marker.count)) == marker else { return nil }
        var length: UInt64 = 0
        for (i, byte) in end.prefix(8).enumerated() { length |= UInt64(byte) << (8 * UInt64(i)) }
        guard length <= size - tail else { throw ExportError.corruptPayload(path) }
        try handle.seek(toOffset: size - tail - length)
        guard let json = try handle.read(upToCount: Int(length)), json.count == Int(length) else {
            throw ExportError.corruptPayload(path)
        }
        do {
            return try JSONDecoder().decode(ExportPayload.self, from: json)
        } catch {
            throw ExportError.corruptPayload(path)
        }
    }
}
