/// The constants of the `.ohlcv` v2 format.
///
/// A v2 file is a 64-byte little-endian header, one 24-byte descriptor per
/// column, then fixed-size packed (unaligned) records. The standard 36-byte
/// record is timestamp i64 ms, open f64, high/low/close f32 deltas from open
/// and volume f64; any column may instead be absolute f64.
enum OHLCVFormat {
    static let magic: [UInt8] = [0x89, 0x50, 0x59, 0x4E, 0x0D, 0x0A, 0x1A, 0x0A]
    static let versionMajor: UInt16 = 2
    static let versionMinor: UInt16 = 1
    static let fixedHeaderSize = 64
    static let descriptorSize = 24
    static let denseFlag: UInt16 = 0x0001
    static let absoluteBase: UInt8 = 255
    static let customRole: UInt8 = 255
    static let legacyRecordSize = 24

    static let roleTimestamp: UInt8 = 0
    static let roleOpen: UInt8 = 1
    static let roleHigh: UInt8 = 2
    static let roleLow: UInt8 = 3
    static let roleClose: UInt8 = 4
    static let roleVolume: UInt8 = 5

    static let dtypeInt64: UInt8 = 2
    static let dtypeFloat32: UInt8 = 5
    static let dtypeFloat64: UInt8 = 6

    static func dtypeSize(_ dtype: UInt8) -> Int? {
        switch dtype {
        case dtypeInt64, dtypeFloat64: return 8
        case dtypeFloat32: return 4
        default: return nil
        }
    }

    /// Interval unit codes: 1 s, 2 min, 3 h, 4 D, 5 W, 6 M.
    static func timeframe(value: UInt32, unit: UInt8) -> Timeframe? {
        let v = Int(value)
        switch unit {
        case 1: return Timeframe(multiplier: v, unit: .seconds)
        case 2: return Timeframe(multiplier: v, unit: .minutes)
        case 3: return Timeframe(multiplier: v * 60, unit: .minutes)
        case 4: return Timeframe(multiplier: v, unit: .days)
        case 5: return Timeframe(multiplier: v, unit: .weeks)
        case 6: return Timeframe(multiplier: v, unit: .months)
        default: return nil
        }
    }

    static func intervalCode(of timeframe: Timeframe) -> (value: UInt32, unit: UInt8) {
        let v = UInt32(timeframe.multiplier)
        switch timeframe.unit {
        case .seconds: return (v, 1)
        case .minutes: return (v, 2)
        case .days: return (v, 4)
        case .weeks: return (v, 5)
        case .months: return (v, 6)
        }
    }
}
