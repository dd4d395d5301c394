import Foundation

/// Encodes bars into a v2 `.ohlcv` file image in the standard layout,
/// storing a high/low/close column as absolute f64 whenever one of its values
/// would not read back bit-identical from an f32 delta on the tick grid.
enum OHLCVEncoder {
    /// The complete file bytes for `store`.
    static func encode(_ store: BarStore, timeframe: Timeframe, grid: TickGrid?) -> [UInt8] {
        let minmove = UInt32(grid?.minmove ?? 0)
        let pricescale = UInt32(grid?.pricescale ?? 0)
        let probe = RecordDecoder(columns: OHLCVLayout.standard(promoted: []), minmove: minmove, pricescale: pricescale)
        var promoted: Set<UInt8> = []
        let n = store.count
        let roles: [(UInt8, [Double])] = [
            (OHLCVFormat.roleHigh, store.high), (OHLCVFormat.roleLow, store.low), (OHLCVFormat.roleClose, store.close),
        ]
        for (role, column) in roles {
            column.withUnsafeBufferPointer { values in
                store.open.withUnsafeBufferPointer { opens in
                    for i in 0..<n {
                        let target = values[i]
                        let openValue = opens[i]
                        if target.isNaN { continue }
                        if openValue.isNaN {
                            promoted.insert(role)
                            return
                        }
                        let delta = Float(target - openValue)
                        guard delta.isFinite else {
                            promoted.insert(role)
                            return
                        }
                        let decoded = probe.applyDelta(Double(delta), openRaw: openValue)
                        if decoded.bitPattern != target.bitPattern && !(decoded == 0 && target == 0) {
                            promoted.insert(role)
                            return
                        }
                    }
                }
            }
        }
        let columns = OHLCVLayout.standard(promoted: promoted)
        let recordSize = columns.reduce(0) { $0 + (OHLCVFormat.dtypeSize($1.dtype) ?? 8) }
        var dense = n >= 2 && timeframe.hasFixedLength
        if dense {
            let step = timeframe.milliseconds
            for i in 1..<n where store.time[i] - store.time[i - 1] != step {
                dense = false
                break
            }
        }
        let interval = OHLCVFormat.intervalCode(of: timeframe)
        let layout = OHLCVLayout(
            headerSize: OHLCVFormat.fixedHeaderSize + columns.count * OHLCVFormat.descriptorSize,
            recordSize: recordSize, columns: columns, flags: dense ? OHLCVFormat.denseFlag : 0, recordCount: n,
            firstTimestamp: n > 0 ? store.time[0] : 0, lastTimestamp: n > 0 ? store.time[n - 1] : 0,
            intervalValue: interval.value, intervalUnit: interval.unit, minmove: minmove, pricescale: pricescale)
        var bytes = layout.headerBytes()
        let headerSize = bytes.count
        bytes.append(contentsOf: [UInt8](repeating: 0, count: n * recordSize))
        let canonicalNaN32 = UInt32(0x7FC0_0000)
        let canonicalNaN64 = UInt64(0x7FF8_0000_0000_0000)
        bytes.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return }
            for i in 0..<n {
                let record = base + headerSize + i * recordSize
                let openValue = store.open[i]
                for column in columns {
                    let at = column.offset
                    switch column.role {
                    case OHLCVFormat.roleTimestamp:
                        record.storeBytes(of: store.time[i].littleEndian, toByteOffset: at, as: Int64.self)
                        continue
                    default: break
                    }
                    let value: Double
                    switch column.role {
                    case OHLCVFormat.roleOpen: value = openValue
                    case OHLCVFormat.roleHigh: value = store.high[i]
                    case OHLCVFormat.roleLow: value = store.low[i]
                    case OHLCVFormat.roleClose: value = store.close[i]
                    default: value = store.volume[i]
                    }
                    if column.dtype == OHLCVFormat.dtypeFloat32 {
                        let bits = value.isNaN ? canonicalNaN32 : Float(value - openValue).bitPattern
                        record.storeBytes(of: bits.littleEndian, toByteOffset: at, as: UInt32.self)
                    } else {
                        let bits = value.isNaN ? canonicalNaN64 : value.bitPattern
                        record.storeBytes(of: bits.littleEndian, toByteOffset: at, as: UInt64.self)
                    }
                }
            }
        }
        return bytes
    }
}
