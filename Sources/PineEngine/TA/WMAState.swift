/// `ta.wma(source, length)`: weighted moving average (weights length ... 1, newest heaviest).
///
/// `na` until `length` bars were seen. An `na` source carries the previous value forward in the
/// window and the bar's own result is `na`. O(length) per bar, summed oldest first as
/// TradingView does, so its rounding matches.
public struct WMAState: Sendable {
    @usableFromInline var window = TARingBuffer()
    @usableFromInline var length = 0

    public init() {}

    /// Advances one bar and returns the average, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        guard length > 0, length <= TAMath.maximumLength else { return .nan }
        if length != self.length {
            self.length = length
            if window.capacity < length {
                window.resize(capacity: max(length, TAMath.defaultHistory))
            }
        }
        if source.isNaN {
            if window.count > 0 { window.push(window[0]) }
            return .nan
        }
        window.push(source)
        guard window.count >= length else { return .nan }
        var norm = 0.0
        var total = 0.0
        var i = length - 1
        while i >= 0 {
            // Oldest first: weight 1 for the oldest value, `length` for the newest.
            let weight = Double(length - i)
            norm += weight
            total += window[i] * weight
            i -= 1
        }
        return total / norm
    }
}
