/// Decodes v2 records following the column descriptors, as the format
/// defines them: on the standard layout an f32 delta is added to the raw open and
/// the sum snapped to the tick grid when it lies within the f32 encoding
/// noise of a grid point (the open itself only within f64 noise); other
/// layouts add their delta chains without snapping.
struct RecordDecoder: Sendable {
    struct Slot: Sendable {
        var offset: Int
        var dtype: UInt8
        /// Role of the base column, or 255 for absolute.
        var base: UInt8
    }

    /// Slots indexed by role 0...13.
    let slots: [Slot]
    let timeSlot: Slot
    let openSlot: Slot
    let highSlot: Slot
    let lowSlot: Slot
    let closeSlot: Slot
    let volumeSlot: Slot
    let isStandard: Bool
    /// The exact 36-byte standard layout (i64, f64, three f32 deltas, f64).
    let isCompact: Bool
    let snapScale: Double
    let snapMinmove: Double
    let snapPricescale: Double

    static let f32SnapRelative = 0x1p-23
    static let f64SnapRelative = 0x1p-52

    init(columns: [OHLCVColumn], minmove: UInt32, pricescale: UInt32) {
        // Every standard role (0...13) gets a slot, so a delta chain through any of them resolves.
        var slots = [Slot](repeating: Slot(offset: 0, dtype: OHLCVFormat.dtypeFloat64, base: 255), count: 14)
        for column in columns where column.role < 14 {
            slots[Int(column.role)] = Slot(offset: column.offset, dtype: column.dtype, base: column.base)
        }
        self.slots = slots
        timeSlot = slots[0]
        openSlot = slots[1]
        highSlot = slots[2]
        lowSlot = slots[3]
        closeSlot = slots[4]
        volumeSlot = slots[5]
        let absolute = OHLCVFormat.absoluteBase
        isStandard =
            slots[1].base == absolute && slots[5].base == absolute
            && [2, 3, 4].allSatisfy { slots[$0].base == absolute || slots[$0].base == OHLCVFormat.roleOpen }
        isCompact =
            isStandard && slots[0].offset == 0 && slots[1].offset == 8 && slots[1].dtype == OHLCVFormat.dtypeFloat64
            && [(2, 16), (3, 20), (4, 24)].allSatisfy {
                slots[$0.0].offset == $0.1 && slots[$0.0].dtype == OHLCVFormat.dtypeFloat32
                    && slots[$0.0].base == OHLCVFormat.roleOpen
            } && slots[5].offset == 28 && slots[5].dtype == OHLCVFormat.dtypeFloat64
        if pricescale > 0 && minmove > 0 {
            snapScale = Double(pricescale) / Double(minmove)
            snapMinmove = Double(minmove)
            snapPricescale = Double(pricescale)
        } else {
            snapScale = 0
            snapMinmove = 1
            snapPricescale = 1
        }
    }

    @inline(__always)
    func raw(_ record: UnsafeRawPointer, _ slot: Slot) -> Double {
        switch slot.dtype {
        case OHLCVFormat.dtypeFloat32:
            return Double(Float(bitPattern: UInt32(littleEndian: record.loadUnaligned(fromByteOffset: slot.offset, as: UInt32.self))))
        case OHLCVFormat.dtypeInt64:
            return Double(Int64(littleEndian: record.loadUnaligned(fromByteOffset: slot.offset, as: Int64.self)))
        default:
            return Double(bitPattern: UInt64(littleEndian: record.loadUnaligned(fromByteOffset: slot.offset, as: UInt64.self)))
        }
    }

    @inline(__always)
    func snap(_ value: Double) -> Double {
        RecordDecoder.roundHalfEven(value * snapScale) * snapMinmove / snapPricescale
    }

    /// Rounds to the nearest integer, ties to even (Python's `round`), without
    /// a libm call: adding and subtracting 2^52 leaves the integer the default
    /// IEEE rounding picks. Values of 2^52 and above are integers already.
    @inline(__always)
    static func roundHalfEven(_ x: Double) -> Double {
        let shift = 0x1p52
        if !(x.magnitude < shift) { return x }
        return x >= 0 ? (x + shift) - shift : (x - shift) + shift
    }

    @inline(__always)
    func decodeDelta(_ record: UnsafeRawPointer, _ slot: Slot, openRaw: Double) -> Double {
        let stored = raw(record, slot)
        guard slot.base != OHLCVFormat.absoluteBase else { return stored }
        return applyDelta(stored, openRaw: openRaw)
    }

    /// The price an f32 delta (already widened) encodes on top of the raw open.
    @inline(__always)
    func applyDelta(_ stored: Double, openRaw: Double) -> Double {
        if stored.isNaN || openRaw.isNaN { return .nan }
        let decoded = openRaw + stored
        if snapScale > 0 {
            let snapped = snap(decoded)
            if abs(snapped - decoded)
                <= abs(stored) * RecordDecoder.f32SnapRelative + abs(decoded) * RecordDecoder.f64SnapRelative
            {
                return snapped
            }
        }
        return decoded
    }

    func chain(_ record: UnsafeRawPointer, role: Int) -> Double {
        var value = raw(record, slots[role])
        var base = slots[role].base
        var guardCount = 0
        while base != OHLCVFormat.absoluteBase && guardCount < 16 {
            if value.isNaN { return .nan }
            let baseValue = raw(record, slots[Int(base)])
            if baseValue.isNaN { return .nan }
            value += baseValue
            base = slots[Int(base)].base
            guardCount += 1
        }
        return value
    }

    @inline(__always)
    func time(_ record: UnsafeRawPointer) -> Int64 {
        Int64(littleEndian: record.loadUnaligned(fromByteOffset: timeSlot.offset, as: Int64.self))
    }

    @inline(__always)
    func f32(_ record: UnsafeRawPointer, _ offset: Int) -> Double {
        Double(Float(bitPattern: UInt32(littleEndian: record.loadUnaligned(fromByteOffset: offset, as: UInt32.self))))
    }

    @inline(__always)
    func f64(_ record: UnsafeRawPointer, _ offset: Int) -> Double {
        Double(bitPattern: UInt64(littleEndian: record.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
    }

    /// Decodes one record.
    @inline(__always)
    func decode(_ record: UnsafeRawPointer) -> OHLCVBar {
        if isCompact {
            let openRaw = f64(record, 8)
            var open = openRaw
            if snapScale > 0 && !open.isNaN {
                let snapped = snap(open)
                if abs(snapped - open) <= abs(open) * RecordDecoder.f64SnapRelative { open = snapped }
            }
            return OHLCVBar(
                time: Int64(littleEndian: record.loadUnaligned(as: Int64.self)), open: open,
                high: applyDelta(f32(record, 16), openRaw: openRaw), low: applyDelta(f32(record, 20), openRaw: openRaw),
                close: applyDelta(f32(record, 24), openRaw: openRaw), volume: f64(record, 28))
        }
        let t = time(record)
        guard isStandard else {
            return OHLCVBar(
                time: t, open: chain(record, role: 1), high: chain(record, role: 2), low: chain(record, role: 3),
                close: chain(record, role: 4), volume: chain(record, role: 5))
        }
        let openRaw = raw(record, openSlot)
        var open = openRaw
        if snapScale > 0 && !open.isNaN {
            let snapped = snap(open)
            if abs(snapped - open) <= abs(open) * RecordDecoder.f64SnapRelative { open = snapped }
        }
        return OHLCVBar(
            time: t, open: open, high: decodeDelta(record, highSlot, openRaw: openRaw),
            low: decodeDelta(record, lowSlot, openRaw: openRaw), close: decodeDelta(record, closeSlot, openRaw: openRaw),
            volume: raw(record, volumeSlot))
    }
}
