import Foundation

/// Reads an `.ohlcv` file (v2, or legacy v1) through a memory map.
///
/// All timestamps are Unix milliseconds. Open once, then read single bars,
/// time ranges, or decode everything into a ``BarStore`` with ``barStore(skipGaps:)``.
public final class OHLCVReader: Sendable {
    /// The file read.
    public let path: String
    /// The format version: 2, or 1 for legacy files.
    public let version: Int
    /// Number of records in the file (v1: including gap fillers).
    public let count: Int
    /// The declared (v2) or inferred (v1) timeframe.
    public let timeframe: Timeframe?
    /// The tick grid stamped in a v2 header, if any.
    public let tickGrid: TickGrid?
    /// The v2 no-gaps flag (`nil` for v1 files).
    public let isDense: Bool?

    private let file: MappedFile
    private let dataOffset: Int
    private let recordSize: Int
    private let decoder: RecordDecoder?

    /// Opens and validates a `.ohlcv` file. A file that starts with the v2
    /// magic is read as v2; anything else must be a valid v1 file.
    public init(path: String) throws {
        self.path = path
        let file = try MappedFile(path: path)
        self.file = file
        let bytes = file.bytes
        if bytes.count >= 8 && zip(bytes.prefix(8), OHLCVFormat.magic).allSatisfy({ $0 == $1 }) {
            let layout = try OHLCVLayout.parse(bytes, file: path)
            version = 2
            count = layout.recordCount
            dataOffset = layout.headerSize
            recordSize = layout.recordSize
            timeframe = OHLCVFormat.timeframe(value: layout.intervalValue, unit: layout.intervalUnit)
            tickGrid = TickGrid(minmove: Int(layout.minmove), pricescale: Int(layout.pricescale))
            isDense = layout.flags & OHLCVFormat.denseFlag != 0
            decoder = RecordDecoder(columns: layout.columns, minmove: layout.minmove, pricescale: layout.pricescale)
        } else {
            guard !bytes.isEmpty else {
                throw OHLCVFileError.corrupt(file: path, offset: 0, reason: "the file is empty")
            }
            guard bytes.count % OHLCVFormat.legacyRecordSize == 0, let base = bytes.baseAddress else {
                throw OHLCVFileError.corrupt(
                    file: path, offset: 0,
                    reason: "bad magic: not an OHLCV v2 file, and its size (\(bytes.count) bytes) is not a whole number of v1 records"
                )
            }
            let n = bytes.count / OHLCVFormat.legacyRecordSize
            var previous: UInt32 = 0
            var smallest: Int64 = .max
            for i in 0..<n {
                let t = UInt32(
                    littleEndian: base.loadUnaligned(fromByteOffset: i * OHLCVFormat.legacyRecordSize, as: UInt32.self))
                if i > 0 {
                    guard t > previous else {
                        throw OHLCVFileError.corrupt(
                            file: path, offset: i * OHLCVFormat.legacyRecordSize,
                            reason: "bad magic and timestamps out of order: not an OHLCV file")
                    }
                    smallest = min(smallest, Int64(t - previous))
                }
                previous = t
            }
            version = 1
            count = n
            dataOffset = 0
            recordSize = OHLCVFormat.legacyRecordSize
            timeframe = smallest == .max ? nil : Timeframe(seconds: smallest)
            tickGrid = nil
            isDense = nil
            decoder = nil
        }
    }

    /// The first record's time (Unix ms), `nil` for an empty file.
    public var startTimestamp: Int64? { count > 0 ? timestamp(at: 0) : nil }
    /// The last record's time (Unix ms), `nil` for an empty file.
    public var endTimestamp: Int64? { count > 0 ? timestamp(at: count - 1) : nil }
    /// The first record's time as a date.
    public var startDate: Date? { startTimestamp.map { Date(timeIntervalSince1970: Double($0) / 1000) } }
    /// The last record's time as a date.
    public var endDate: Date? { endTimestamp.map { Date(timeIntervalSince1970: Double($0) / 1000) } }
    /// The interval between bars in seconds (nominal; months count 30 days).
    public var intervalSeconds: Int64? { timeframe?.seconds }

    @inline(__always)
    private func record(_ position: Int) -> UnsafeRawPointer {
        // Only called for 0 <= position < count, checked by callers; the map holds every record.
        file.bytes.baseAddress.unsafelyUnwrapped + dataOffset + position * recordSize
    }

    private func timestamp(at position: Int) -> Int64 {
        let r = record(position)
        if let decoder { return decoder.time(r) }
        return Int64(UInt32(littleEndian: r.loadUnaligned(as: UInt32.self))) * 1000
    }

    @inline(__always)
    private func decode(_ position: Int) -> OHLCVBar {
        let r = record(position)
        if let decoder { return decoder.decode(r) }
        func f(_ o: Int) -> Double {
            Double(Float(bitPattern: UInt32(littleEndian: r.loadUnaligned(fromByteOffset: o, as: UInt32.self))))
        }
        return OHLCVBar(
            time: Int64(UInt32(littleEndian: r.loadUnaligned(as: UInt32.self))) * 1000, open: f(4), high: f(8),
            low: f(12), close: f(16), volume: f(20))
    }

    /// The bar at `position` (0-based).
    public func read(at position: Int) throws -> OHLCVBar {
        guard position >= 0 && position < count else {
            throw OHLCVFileError.outOfRange(file: path, reason: "position \(position) is outside 0..<\(count)")
        }
        return decode(position)
    }

    /// The positions of the records with time in `start ... end` (inclusive; `nil` = unbounded).
    public func positions(from start: Int64? = nil, to end: Int64? = nil) -> Range<Int> {
        func bisect(_ t: Int64, inclusive: Bool) -> Int {
            var lo = 0
            var hi = count
            while lo < hi {
                let mid = (lo + hi) / 2
                let v = timestamp(at: mid)
                if v < t || (inclusive && v == t) { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        let lower = start.map { bisect($0, inclusive: false) } ?? 0
        let upper = end.map { bisect($0, inclusive: true) } ?? count
        return lower..<max(lower, upper)
    }

    /// How many records have time in `start ... end` (inclusive).
    public func size(from start: Int64? = nil, to end: Int64? = nil) -> Int {
        positions(from: start, to: end).count
    }

    /// The bars with time in `start ... end` (inclusive), skipping v1 gap fillers when asked.
    public func bars(from start: Int64? = nil, to end: Int64? = nil, skipGaps: Bool = true) -> [OHLCVBar] {
        var out: [OHLCVBar] = []
        for position in positions(from: start, to: end) {
            let bar = decode(position)
            if skipGaps && version == 1 && bar.isGapFiller { continue }
            out.append(bar)
        }
        return out
    }

    /// Decodes every record once into an immutable column store (v1 gap fillers skipped).
    public func barStore(skipGaps: Bool = true) -> BarStore {
        let n = count
        if version == 1 && skipGaps {
            return BarStore(bars: bars(skipGaps: true))
        }
        var time: [Int64] = []
        var open: [Double] = []
        var high: [Double] = []
        var low: [Double] = []
        var close: [Double] = []
        var volume: [Double] = []
        time = Array(unsafeUninitializedCapacity: n) { t, tc in
            open = Array(unsafeUninitializedCapacity: n) { o, oc in
                high = Array(unsafeUninitializedCapacity: n) { h, hc in
                    low = Array(unsafeUninitializedCapacity: n) { l, lc in
                        close = Array(unsafeUninitializedCapacity: n) { c, cc in
                            volume = Array(unsafeUninitializedCapacity: n) { v, vc in
                                let base = file.bytes.baseAddress.unsafelyUnwrapped + dataOffset
                                let size = recordSize
                                if let decoder = self.decoder {
                                    for i in 0..<n {
                                        let bar = decoder.decode(base + i * size)
                                        t[i] = bar.time
                                        o[i] = bar.open
                                        h[i] = bar.high
                                        l[i] = bar.low
                                        c[i] = bar.close
                                        v[i] = bar.volume
                                    }
                                } else {
                                    for i in 0..<n {
                                        let bar = decode(i)
                                        t[i] = bar.time
                                        o[i] = bar.open
                                        h[i] = bar.high
                                        l[i] = bar.low
                                        c[i] = bar.close
                                        v[i] = bar.volume
                                    }
                                }
                                vc = n
                            }
                            cc = n
                        }
                        lc = n
                    }
                    hc = n
                }
                oc = n
            }
            tc = n
        }
        return BarStore(time: time, open: open, high: high, low: low, close: close, volume: volume)
    }

    /// Writes every bar as CSV (`timestamp,open,high,low,close,volume`, or
    /// `time,...` with ISO 8601 UTC dates when `asDates`).
    public func exportCSV(to outputPath: String, asDates: Bool = false) throws {
        var text = asDates ? "time,open,high,low,close,volume\n" : "timestamp,open,high,low,close,volume\n"
        for bar in bars(skipGaps: false) {
            let t = asDates ? UTCCalendar.isoString(milliseconds: bar.time) : String(bar.time)
            text += "\(t),\(NumberText.format(bar.open)),\(NumberText.format(bar.high)),\(NumberText.format(bar.low)),\(NumberText.format(bar.close)),\(NumberText.format(bar.volume))\n"
        }
        do {
            try AtomicFile.write(Data(text.utf8), to: outputPath)
        } catch {
            throw OHLCVFileError.io(file: outputPath, reason: "cannot write the CSV file")
        }
    }

    /// Writes every bar as a JSON array of objects (`timestamp` in ms, or `time` as ISO 8601 UTC when `asDates`).
    public func exportJSON(to outputPath: String, asDates: Bool = false) throws {
        var parts: [String] = []
        for bar in bars(skipGaps: false) {
            let t = asDates ? "\"time\": \"\(UTCCalendar.isoString(milliseconds: bar.time))\"" : "\"timestamp\": \(bar.time)"
            parts.append(
                "  {\(t), \"open\": \(NumberText.json(bar.open)), \"high\": \(NumberText.json(bar.high)), \"low\": \(NumberText.json(bar.low)), \"close\": \(NumberText.json(bar.close)), \"volume\": \(NumberText.json(bar.volume))}"
            )
        }
        let text = "[\n" + parts.joined(separator: ",\n") + "\n]\n"
        do {
            try AtomicFile.write(Data(text.utf8), to: outputPath)
        } catch {
            throw OHLCVFileError.io(file: outputPath, reason: "cannot write the JSON file")
        }
    }
}

extension BarStore {
    /// Opens a `.ohlcv` file (mmap), decodes it into a column store and
    /// checks every bar (see ``OHLCVReader/validatedBarStore()``).
    public static func load(ohlcvPath path: String) throws -> BarStore {
        try OHLCVReader(path: path).validatedBarStore()
    }
}
