/// One OHLCV bar: open time in Unix milliseconds and the five values.
public struct OHLCVBar: Sendable, Equatable, Hashable {
    /// Bar open time, Unix milliseconds (UTC).
    public var time: Int64
    public var open: Double
    public var high: Double
    public var low: Double
    public var close: Double
    public var volume: Double

    public init(time: Int64, open: Double, high: Double, low: Double, close: Double, volume: Double) {
        self.time = time
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
    }

    /// True for a legacy (v1) gap-filler record, whose volume is negative.
    public var isGapFiller: Bool { volume < 0 }
}

extension BarStore {
    /// The bar at `index`.
    public subscript(bar index: Int) -> OHLCVBar {
        OHLCVBar(
            time: time[index], open: open[index], high: high[index], low: low[index], close: close[index],
            volume: volume[index])
    }

    /// Builds a store from bars (in order).
    public init(bars: [OHLCVBar]) {
        self.init(
            time: bars.map(\.time), open: bars.map(\.open), high: bars.map(\.high), low: bars.map(\.low),
            close: bars.map(\.close), volume: bars.map(\.volume))
    }

    /// The bars with open time in `from ... to` (both inclusive, `nil` = unbounded).
    public func slice(from: Int64?, to: Int64?) -> BarStore {
        let range = positions(from: from, to: to)
        return BarStore(
            time: Array(time[range]), open: Array(open[range]), high: Array(high[range]), low: Array(low[range]),
            close: Array(close[range]), volume: Array(volume[range]))
    }

    /// The index range of the bars with open time in `from ... to` (inclusive bounds).
    public func positions(from: Int64?, to: Int64?) -> Range<Int> {
        let lower = from.map { firstIndex(notBefore: $0) } ?? 0
        let upper = to.map { firstIndex(after: $0) } ?? count
        return lower..<max(lower, upper)
    }

    /// The first index whose time is `>= t` (`count` when none).
    public func firstIndex(notBefore t: Int64) -> Int {
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if time[mid] < t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The first index whose time is `> t` (`count` when none).
    public func firstIndex(after t: Int64) -> Int {
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if time[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
