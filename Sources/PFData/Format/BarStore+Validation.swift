/// Why a bar read from a `.ohlcv` file is refused: its position, time and reason.
public struct InvalidBar: Sendable, Equatable {
    /// 0-based position of the bar in the file's bars (gap fillers of a v1 file skipped).
    public var index: Int
    /// The bar's open time (Unix ms).
    public var time: Int64
    public var reason: String
}

extension BarStore {
    /// The first bar that breaks the rules every imported bar follows
    /// (``BarValidation``: finite, positive prices, high the highest and low
    /// the lowest, finite non-negative volume) or that is not strictly later
    /// than the bar before it; `nil` when every bar is fine.
    ///
    /// One pass over the columns; the common case is a handful of
    /// comparisons per bar with no allocation.
    public func firstInvalidBar() -> InvalidBar? {
        let n = count
        guard n > 0 else { return nil }
        return time.withUnsafeBufferPointer { t in
            open.withUnsafeBufferPointer { o in
                high.withUnsafeBufferPointer { h in
                    low.withUnsafeBufferPointer { l in
                        close.withUnsafeBufferPointer { c in
                            volume.withUnsafeBufferPointer { v in
                                for i in 0..<n {
                                    let bar = OHLCVBar(
                                        time: t[i], open: o[i], high: h[i], low: l[i], close: c[i], volume: v[i])
                                    if let reason = BarValidation.problem(bar) {
                                        return InvalidBar(index: i, time: t[i], reason: reason)
                                    }
                                    if i > 0 && t[i] <= t[i - 1] {
                                        let reason =
                                            t[i] == t[i - 1]
                                            ? "duplicate time (bar \(i - 1) has the same)"
                                            : "time is earlier than bar \(i - 1)'s \(UTCCalendar.isoString(milliseconds: t[i - 1])): bars must be sorted oldest first"
                                        return InvalidBar(index: i, time: t[i], reason: reason)
                                    }
                                }
                                return nil
                            }
                        }
                    }
                }
            }
        }
    }
}

extension OHLCVReader {
    /// Decodes every bar (v1 gap fillers skipped) and checks each one with
    /// the importer's rules; a bad bar is refused with its index and time.
    ///
    /// A v2 header that declares the bars dense (no gaps) is held to that
    /// claim as the writer set it: each bar follows the one before by
    /// exactly one interval.
    public func validatedBarStore() throws -> BarStore {
        let store = barStore()
        if let bad = store.firstInvalidBar() ?? denseMismatch(store) {
            throw OHLCVFileError.badBar(file: path, index: bad.index, time: bad.time, reason: bad.reason)
        }
        return store
    }

    private func denseMismatch(_ store: BarStore) -> InvalidBar? {
        guard version == 2, isDense == true, let frame = timeframe, frame.hasFixedLength
        else { return nil }
        let step = frame.milliseconds
        let t = store.time
        for i in 1..<max(1, t.count) where t[i] - t[i - 1] != step {
            return InvalidBar(
                index: i, time: t[i],
                reason: "\(t[i] - t[i - 1]) ms after the bar before, but the header declares gap-free \(frame) bars: the header or the timestamps are damaged")
        }
        return nil
    }
}
