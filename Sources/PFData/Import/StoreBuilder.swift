/// Collects imported bars into columns, checking each bar and the time order
/// and naming the line of the first problem.
struct StoreBuilder {
    let file: String
    var time: [Int64] = []
    var open: [Double] = []
    var high: [Double] = []
    var low: [Double] = []
    var close: [Double] = []
    var volume: [Double] = []
    var lastLine = 0

    init(file: String, capacity: Int) {
        self.file = file
        time.reserveCapacity(capacity)
        open.reserveCapacity(capacity)
        high.reserveCapacity(capacity)
        low.reserveCapacity(capacity)
        close.reserveCapacity(capacity)
        volume.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func append(_ bar: OHLCVBar, line: Int) throws {
        if let reason = BarValidation.problem(bar) {
            throw ImportError.badBar(file: file, line: line, reason: reason)
        }
        if let previous = time.last, bar.time <= previous {
            let what =
                bar.time == previous
                ? "duplicate time \(UTCCalendar.isoString(milliseconds: bar.time)) (also on line \(lastLine))"
                : "time \(UTCCalendar.isoString(milliseconds: bar.time)) is earlier than line \(lastLine)'s \(UTCCalendar.isoString(milliseconds: previous)): the rows must be sorted oldest first"
            throw ImportError.badOrder(file: file, line: line, reason: what)
        }
        lastLine = line
        time.append(bar.time)
        open.append(bar.open)
        high.append(bar.high)
        low.append(bar.low)
        close.append(bar.close)
        volume.append(bar.volume)
    }

    func finish() throws -> BarStore {
        guard !time.isEmpty else { throw ImportError.empty(file: file) }
        return BarStore(time: time, open: open, high: high, low: low, close: close, volume: volume)
    }
}
