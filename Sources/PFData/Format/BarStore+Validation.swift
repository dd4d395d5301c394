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
