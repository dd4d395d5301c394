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
