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
        let header = layout.headerBytes()
        let headerSize = header.count
        var bytes = [UInt8](unsafeUninitializedCapacity: headerSize + n * recordSize) { buffer, initialized in
            for (k, byte) in header.enumerated() { buffer[k] = byte }
            initialized = headerSize + n * recordSize
        }
        let canonicalNaN32 = UInt32(0x7FC0_0000)
        let canonicalNaN64 = UInt64(0x7FF8_0000_0000_0000)
        // Byte offset and width of each price column, in layout order.
        let slots: [(offset: Int, wide: Bool)] = (2...5).map { role in
            let column = columns.first { $0.role == UInt8(role) }
            return (column?.offset ?? 0, column?.dtype != OHLCVFormat.dtypeFloat32)
        }
        let openOffset = columns.first { $0.role == OHLCVFormat.roleOpen }?.offset ?? 8
        let (highSlot, lowSlot, closeSlot, volumeSlot) = (slots[0], slots[1], slots[2], slots[3])
        @inline(__always)
        func put(_ record: UnsafeMutableRawPointer, _ slot: (offset: Int, wide: Bool), _ value: Double, _ open: Double) {
            if slot.wide {
                let bits = value.isNaN ? canonicalNaN64 : value.bitPattern
                record.storeBytes(of: bits.littleEndian, toByteOffset: slot.offset, as: UInt64.self)
            } else {
                let bits = value.isNaN ? canonicalNaN32 : Float(value - open).bitPattern
                record.storeBytes(of: bits.littleEndian, toByteOffset: slot.offset, as: UInt32.self)
            }
        }
        bytes.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return }
            store.time.withUnsafeBufferPointer { time in
                store.open.withUnsafeBufferPointer { open in
                    store.high.withUnsafeBufferPointer { high in
                        store.low.withUnsafeBufferPointer { low in
                            store.close.withUnsafeBufferPointer { close in
                                store.volume.withUnsafeBufferPointer { volume in
                                    for i in 0..<n {
                                        let record = base + headerSize + i * recordSize
                                        let o = open[i]
                                        record.storeBytes(of: time[i].littleEndian, toByteOffset: 0, as: Int64.self)
                                        let openBits = o.isNaN ? canonicalNaN64 : o.bitPattern
                                        record.storeBytes(of: openBits.littleEndian, toByteOffset: openOffset, as: UInt64.self)
                                        put(record, highSlot, high[i], o)
                                        put(record, lowSlot, low[i], o)
                                        put(record, closeSlot, close[i], o)
                                        put(record, (volumeSlot.offset, true), volume[i], o)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return bytes
    }
}
