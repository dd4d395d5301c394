/// The parsed header and schema of a v2 file.
struct OHLCVLayout: Sendable, Equatable {
    var headerSize: Int
    var recordSize: Int
    var columns: [OHLCVColumn]
    var flags: UInt16
    var recordCount: Int
    var firstTimestamp: Int64
    var lastTimestamp: Int64
    var intervalValue: UInt32
    var intervalUnit: UInt8
    var minmove: UInt32
    var pricescale: UInt32

    /// The standard layout (36-byte records) or with `promoted` roles stored as absolute f64.
    static func standard(promoted: Set<UInt8>) -> [OHLCVColumn] {
        let definitions: [(UInt8, UInt8, UInt8, String)] = [
            (OHLCVFormat.roleTimestamp, OHLCVFormat.dtypeInt64, OHLCVFormat.absoluteBase, "timestamp"),
            (OHLCVFormat.roleOpen, OHLCVFormat.dtypeFloat64, OHLCVFormat.absoluteBase, "open"),
            (OHLCVFormat.roleHigh, OHLCVFormat.dtypeFloat32, OHLCVFormat.roleOpen, "high"),
            (OHLCVFormat.roleLow, OHLCVFormat.dtypeFloat32, OHLCVFormat.roleOpen, "low"),
            (OHLCVFormat.roleClose, OHLCVFormat.dtypeFloat32, OHLCVFormat.roleOpen, "close"),
            (OHLCVFormat.roleVolume, OHLCVFormat.dtypeFloat64, OHLCVFormat.absoluteBase, "volume"),
        ]
        var offset = 0
        var columns: [OHLCVColumn] = []
        for (role, dtype, base, name) in definitions {
            let promote = promoted.contains(role)
            let d = promote ? OHLCVFormat.dtypeFloat64 : dtype
            columns.append(
                OHLCVColumn(role: role, dtype: d, base: promote ? OHLCVFormat.absoluteBase : base, offset: offset, name: name))
            offset += OHLCVFormat.dtypeSize(d) ?? 8
        }
        return columns
    }

    /// Parses and validates the header of a mapped file.
    static func parse(_ bytes: UnsafeRawBufferPointer, file: String) throws -> OHLCVLayout {
        let size = bytes.count
        func fail(_ offset: Int, _ reason: String) -> OHLCVFileError {
            .corrupt(file: file, offset: offset, reason: reason)
        }
        guard size >= OHLCVFormat.fixedHeaderSize, let base = bytes.baseAddress else {
            throw fail(0, "file is too short for an OHLCV v2 header (\(size) bytes)")
        }
        for (i, byte) in OHLCVFormat.magic.enumerated() where bytes[i] != byte {
            throw fail(0, "bad magic: not an OHLCV v2 file")
        }
        func u16(_ o: Int) -> UInt16 { UInt16(littleEndian: base.loadUnaligned(fromByteOffset: o, as: UInt16.self)) }
        func u32(_ o: Int) -> UInt32 { UInt32(littleEndian: base.loadUnaligned(fromByteOffset: o, as: UInt32.self)) }
        func u64(_ o: Int) -> UInt64 { UInt64(littleEndian: base.loadUnaligned(fromByteOffset: o, as: UInt64.self)) }
        let major = u16(8)
        let minor = u16(10)
        guard major == OHLCVFormat.versionMajor else { throw fail(8, "unsupported OHLCV major version \(major)") }
        guard minor <= OHLCVFormat.versionMinor else { throw fail(10, "unsupported OHLCV minor version \(minor)") }
        let headerSize = Int(u32(12))
        let recordSize = Int(u32(16))
        let columnCount = Int(u16(20))
        let flags = u16(22)
        let recordCount = u64(24)
        let first = Int64(bitPattern: u64(32))
        let last = Int64(bitPattern: u64(40))
        let intervalValue = u32(48)
        let intervalUnit = bytes[52]
        let minmove = u32(56)
        let pricescale = u32(60)
        guard (minmove == 0) == (pricescale == 0) else {
            throw fail(56, "minmove and pricescale must both be zero or both positive")
        }
        guard flags & ~OHLCVFormat.denseFlag == 0 else { throw fail(22, "unsupported header flags \(flags)") }
        guard columnCount > 0 else { throw fail(20, "the file declares no columns") }
        guard headerSize == OHLCVFormat.fixedHeaderSize + columnCount * OHLCVFormat.descriptorSize else {
            throw fail(12, "header size \(headerSize) does not match \(columnCount) column descriptors")
        }
        guard recordSize > 0 else { throw fail(16, "record size must be positive") }
        guard intervalValue > 0, OHLCVFormat.timeframe(value: intervalValue, unit: intervalUnit) != nil else {
            throw fail(48, "invalid interval \(intervalValue) unit \(intervalUnit)")
        }
        guard size >= headerSize else {
            throw fail(size, "file ends inside the column descriptors (needs \(headerSize) bytes)")
        }
        var columns: [OHLCVColumn] = []
        for index in 0..<columnCount {
            let at = OHLCVFormat.fixedHeaderSize + index * OHLCVFormat.descriptorSize
            var nameBytes: [UInt8] = []
            for k in 0..<18 {
                let b = bytes[at + 6 + k]
                if b == 0 { break }
                nameBytes.append(b)
            }
            guard !nameBytes.isEmpty, nameBytes.allSatisfy({ $0 < 128 }) else {
                throw fail(at + 6, "column \(index) has an empty or non-ASCII name")
            }
            columns.append(
                OHLCVColumn(
                    role: bytes[at], dtype: bytes[at + 1], base: bytes[at + 2], offset: Int(u16(at + 4)),
                    name: String(decoding: nameBytes, as: UTF8.self)))
        }
        try validate(columns, recordSize: recordSize, file: file)
        let (committed, overflow) = recordCount.multipliedReportingOverflow(by: UInt64(recordSize))
        guard !overflow, recordCount <= UInt64(Int.max),
            committed <= UInt64(size - headerSize)
        else {
            throw fail(
                24,
                "record count \(recordCount) is beyond the file (\(size) bytes hold \((size - headerSize) / recordSize) records): the file is truncated"
            )
        }
        let count = Int(recordCount)
        let tsColumn = columns.first { $0.role == OHLCVFormat.roleTimestamp }
        if let tsColumn, count > 0 {
            let firstActual = Int64(
                littleEndian: base.loadUnaligned(fromByteOffset: headerSize + tsColumn.offset, as: Int64.self))
            let lastActual = Int64(
                littleEndian: base.loadUnaligned(
                    fromByteOffset: headerSize + (count - 1) * recordSize + tsColumn.offset, as: Int64.self))
            guard firstActual == first, lastActual == last else {
                throw fail(32, "header timestamps do not match the records")
            }
        }
        return OHLCVLayout(
            headerSize: headerSize, recordSize: recordSize, columns: columns, flags: flags, recordCount: count,
            firstTimestamp: first, lastTimestamp: last, intervalValue: intervalValue, intervalUnit: intervalUnit,
            minmove: minmove, pricescale: pricescale)
    }

    static func validate(_ columns: [OHLCVColumn], recordSize: Int, file: String) throws {
        func fail(_ reason: String) -> OHLCVFileError {
            .corrupt(file: file, offset: OHLCVFormat.fixedHeaderSize, reason: reason)
        }
        var roles: [UInt8: Int] = [:]
        for column in columns {
            guard column.role < 14 || column.role == OHLCVFormat.customRole else {
                throw fail("column \"\(column.name)\" has unsupported role \(column.role)")
            }
            guard OHLCVFormat.dtypeSize(column.dtype) != nil else {
                throw fail("column \"\(column.name)\" has unsupported type \(column.dtype)")
            }
            guard column.base == OHLCVFormat.absoluteBase || column.base < 14 else {
                throw fail("column \"\(column.name)\" has an unsupported delta base \(column.base)")
            }
            if column.role != OHLCVFormat.customRole {
                guard roles[column.role] == nil else { throw fail("duplicate column role \(column.role)") }
            }
            roles[column.role, default: 0] += 1
        }
        for required in OHLCVFormat.roleTimestamp...OHLCVFormat.roleVolume where roles[required] == nil {
            throw fail("the file lacks a required OHLCV column (role \(required))")
        }
        let byRole = Dictionary(
            columns.filter { $0.role != OHLCVFormat.customRole }.map { ($0.role, $0) }, uniquingKeysWith: { a, _ in a })
        for column in columns where column.base != OHLCVFormat.absoluteBase {
            guard byRole[column.base] != nil else {
                throw fail("column \"\(column.name)\" refers to a missing base column")
            }
        }
        for column in byRole.values {
            var seen: Set<UInt8> = [column.role]
            var next = column.base
            while next != OHLCVFormat.absoluteBase {
                guard !seen.contains(next), let baseColumn = byRole[next] else {
                    throw fail("column delta bases form a cycle")
                }
                seen.insert(next)
                next = baseColumn.base
            }
        }
        if let ts = byRole[OHLCVFormat.roleTimestamp],
            ts.dtype != OHLCVFormat.dtypeInt64 || ts.base != OHLCVFormat.absoluteBase
        {
            throw fail("the timestamp column must be an absolute i64")
        }
        var expected = 0
        for column in columns.sorted(by: { $0.offset < $1.offset }) {
            guard column.offset == expected else { throw fail("column byte ranges do not tile the record") }
            expected += OHLCVFormat.dtypeSize(column.dtype) ?? 0
        }
        guard expected == recordSize else { throw fail("columns do not add up to the record size \(recordSize)") }
    }

    /// The header and descriptor bytes.
    func headerBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(headerSize)
        func put<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
        }
        out.append(contentsOf: OHLCVFormat.magic)
        put(OHLCVFormat.versionMajor)
        put(OHLCVFormat.versionMinor)
        put(UInt32(headerSize))
        put(UInt32(recordSize))
        put(UInt16(columns.count))
        put(flags)
        put(UInt64(recordCount))
        put(firstTimestamp)
        put(lastTimestamp)
        put(intervalValue)
        out.append(intervalUnit)
        out.append(contentsOf: [0, 0, 0])
        put(minmove)
        put(pricescale)
        for column in columns {
            out.append(column.role)
            out.append(column.dtype)
            out.append(column.base)
            out.append(0)
            put(UInt16(column.offset))
            var name = Array(column.name.utf8.prefix(18))
            name.append(contentsOf: [UInt8](repeating: 0, count: 18 - name.count))
            out.append(contentsOf: name)
        }
        return out
    }
}
