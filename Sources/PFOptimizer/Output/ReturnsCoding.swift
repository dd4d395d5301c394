import Foundation

/// Period returns as text: base64 of the float32 values in little-endian
/// byte order (about 5.3 characters per period).
enum ReturnsCoding {
    static func encode(_ values: [Float]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 4)
        for v in values {
            let bits = v.bitPattern.littleEndian
            withUnsafeBytes(of: bits) { bytes += $0 }
        }
        return Data(bytes).base64EncodedString()
    }

    static func decode<S: StringProtocol>(_ text: S) -> [Float]? {
        guard let data = Data(base64Encoded: String(text)), data.count % 4 == 0 else { return nil }
        var out: [Float] = []
        out.reserveCapacity(data.count / 4)
        data.withUnsafeBytes { raw in
            for i in stride(from: 0, to: raw.count, by: 4) {
                let bits = raw.loadUnaligned(fromByteOffset: i, as: UInt32.self)
                out.append(Float(bitPattern: UInt32(littleEndian: bits)))
            }
        }
        return out
    }
}
