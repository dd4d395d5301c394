/// An immutable column store of OHLCV bars: the form every engine instance of
/// a sweep reads, shared without copying.
///
/// Times are bar OPEN times in Unix milliseconds (UTC), strictly increasing.
/// Prices and volume are `Double`. The columns always have the same length.
public struct BarStore: Sendable, Equatable {
    /// Bar open times, Unix milliseconds.
    public let time: [Int64]
    public let open: [Double]
    public let high: [Double]
    public let low: [Double]
    public let close: [Double]
    public let volume: [Double]

    /// Creates a store from its columns. The caller guarantees equal lengths
    /// and strictly increasing times (importers and readers check this).
    public init(
        time: [Int64], open: [Double], high: [Double], low: [Double],
        close: [Double], volume: [Double]
    ) {
        precondition(
            [open.count, high.count, low.count, close.count, volume.count]
                .allSatisfy { $0 == time.count },
            "BarStore columns must have equal lengths")
        self.time = time
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
    }

    /// The number of bars.
    public var count: Int { time.count }

    /// True when the store holds no bar.
    public var isEmpty: Bool { time.isEmpty }
}
