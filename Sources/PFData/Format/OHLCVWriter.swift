import Foundation

/// Writes `.ohlcv` v2 files (the layout is `OHLCVLayout`).
///
/// Bars are appended (or overwritten after a seek) in memory and the file
/// is written by ``close()``: always to a temporary file that is then renamed
/// over the target, so a failed write never leaves a broken file. Timestamps
/// must be strictly increasing.
public final class OHLCVWriter {
    /// The file written.
    public let path: String
    /// The timeframe stamped in the header; detected from the bars when `nil`.
    public var timeframe: Timeframe?
    /// The tick grid stamped in the header; analysed from the bars when `nil`.
    public var tickGrid: TickGrid?

    private var times: [Int64] = []
    private var opens: [Double] = []
    private var highs: [Double] = []
    private var lows: [Double] = []
    private var closes: [Double] = []
    private var volumes: [Double] = []
    /// The write position: the next `write` replaces this record (or appends at the end).
    public private(set) var position = 0
    private var isClosed = false

    /// Opens `path` for writing. An existing file is kept (and appended to)
    /// unless `truncate`; its timeframe and tick grid are adopted when not given.
    public init(path: String, timeframe: Timeframe? = nil, tickGrid: TickGrid? = nil, truncate: Bool = false) throws {
        self.path = path
        self.timeframe = timeframe
        self.tickGrid = tickGrid
        if !truncate && FileManager.default.fileExists(atPath: path) {
            let reader = try OHLCVReader(path: path)
            let store = reader.barStore()
            times = store.time
            opens = store.open
            highs = store.high
            lows = store.low
            closes = store.close
            volumes = store.volume
            position = store.count
            if self.timeframe == nil { self.timeframe = reader.timeframe }
            if self.tickGrid == nil { self.tickGrid = reader.tickGrid }
        }
    }

    /// Number of records.
    public var count: Int { times.count }
    /// The first record's time (Unix ms).
    public var startTimestamp: Int64? { times.first }
    /// The last record's time (Unix ms).
    public var endTimestamp: Int64? { times.last }
    /// True until ``close()``.
    public var isOpen: Bool { !isClosed }

    /// The bars written so far.
    public var bars: BarStore {
        BarStore(time: times, open: opens, high: highs, low: lows, close: closes, volume: volumes)
    }

    /// Writes one bar at the write position (appending at the end). Its time
    /// must be after the previous record's and, when overwriting, before the next one's.
    public func write(_ bar: OHLCVBar) throws {
        guard !isClosed else { throw OHLCVFileError.io(file: path, reason: "the writer is closed") }
        if let reason = BarValidation.problem(bar) {
            throw OHLCVFileError.invalidBar(file: path, time: bar.time, reason: reason)
        }
        if position > 0 && bar.time <= times[position - 1] {
            let what = bar.time == times[position - 1] ? "duplicate timestamp" : "timestamps must be strictly increasing"
            throw OHLCVFileError.invalidBar(
                file: path, time: bar.time,
                reason: "\(what): it follows \(UTCCalendar.isoString(milliseconds: times[position - 1]))")
        }
        if position + 1 < times.count && bar.time >= times[position + 1] {
            throw OHLCVFileError.invalidBar(
                file: path, time: bar.time,
                reason: "it is not earlier than the next record (\(UTCCalendar.isoString(milliseconds: times[position + 1]))); truncate first")
        }
        if position == times.count {
            times.append(bar.time)
            opens.append(bar.open)
            highs.append(bar.high)
            lows.append(bar.low)
            closes.append(bar.close)
            volumes.append(bar.volume)
        } else {
            times[position] = bar.time
            opens[position] = bar.open
            highs[position] = bar.high
            lows[position] = bar.low
            closes[position] = bar.close
            volumes[position] = bar.volume
        }
        position += 1
    }

    /// Appends a whole store (already validated and ordered) after the last record.
    public func append(_ store: BarStore) throws {
        guard !isClosed else { throw OHLCVFileError.io(file: path, reason: "the writer is closed") }
        guard position == times.count else {
            for i in 0..<store.count { try write(store[bar: i]) }
            return
        }
        if let first = store.time.first, let last = times.last, first <= last {
            throw OHLCVFileError.invalidBar(
                file: path, time: first,
                reason: "timestamps must be strictly increasing: it follows \(UTCCalendar.isoString(milliseconds: last))")
        }
        times += store.time
        opens += store.open
        highs += store.high
        lows += store.low
        closes += store.close
        volumes += store.volume
        position = times.count
    }

    /// Moves the write position to a record index (0...count).
    public func seek(to newPosition: Int) throws {
        guard newPosition >= 0 && newPosition <= times.count else {
            throw OHLCVFileError.outOfRange(file: path, reason: "position \(newPosition) is outside 0...\(times.count)")
        }
        position = newPosition
    }

    /// Moves the write position to the first record at or after `timestamp` (Unix ms).
    public func seek(toTimestamp timestamp: Int64) {
        position = bars.firstIndex(notBefore: timestamp)
    }

    /// Removes every record from the write position on.
    public func truncate() {
        let keep = position
        times.removeSubrange(keep...)
        opens.removeSubrange(keep...)
        highs.removeSubrange(keep...)
        lows.removeSubrange(keep...)
        closes.removeSubrange(keep...)
        volumes.removeSubrange(keep...)
    }

    /// The tick size analysed from the prices written.
    public var analyzedTickSize: Double? { TickAnalysis.tickSize(of: bars) }
    /// The price scale of the analysed tick.
    public var analyzedPriceScale: Int? { analyzedTickSize.flatMap { TickGrid(mintick: $0) }?.pricescale }
    /// The minimum move of the analysed tick.
    public var analyzedMinMove: Int? { analyzedTickSize.flatMap { TickGrid(mintick: $0) }?.minmove }

    /// Writes the file (temporary file + rename) and closes the writer.
    public func close() throws {
        guard !isClosed else { return }
        try flush()
        isClosed = true
    }

    /// Writes the file now (temporary file + rename); the writer stays open.
    public func flush() throws {
        let store = bars
        guard let frame = timeframe ?? IntervalDetection.detect(store.time).timeframe else {
            throw OHLCVFileError.io(
                file: path, reason: "cannot tell the timeframe of fewer than two bars: give one")
        }
        timeframe = frame
        if tickGrid == nil, let tick = TickAnalysis.tickSize(of: store) { tickGrid = TickGrid(mintick: tick) }
        let bytes = OHLCVEncoder.encode(store, timeframe: frame, grid: tickGrid)
        do {
            try AtomicFile.write(bytes: bytes, to: path)
        } catch {
            throw OHLCVFileError.io(file: path, reason: "cannot write the file (\(error.localizedDescription))")
        }
    }
}
