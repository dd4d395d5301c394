/// `ta.dev(source, length)`: mean absolute deviation from the SMA over the last `length`
/// non-`na` values. O(length) per bar.
public struct DevState: Sendable {
    @usableFromInline var mean = SMAState()
    @usableFromInline var window = TARingBuffer()
    @usableFromInline var length = 0

    public init() {}

    /// Advances one bar and returns the deviation, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        guard length > 0, length <= TAMath.maximumLength else { return .nan }
        if length != self.length {
            self.length = length
            if window.capacity < length {
                window.resize(capacity: max(length, TAMath.defaultHistory))
            }
        }
        let m = mean.update(source, length: length)
        if source.isNaN { return .nan }
        window.push(source)
        if m.isNaN || window.count < length { return .nan }
        var total = 0.0
        for i in 0..<length {
            total += abs(window[i] - m)
        }
        return total / Double(length)
    }
}
