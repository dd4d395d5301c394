/// `ta.cog(source, length)`: center of gravity, `-sum(source[i] * (i + 1)) / sum(source)` over
/// the last `length` bars (i = 0 is the newest). O(length) per bar.
public struct COGState: Sendable {
    @usableFromInline var window = TARingBuffer()
    @usableFromInline var sum = SumState()
    @usableFromInline var length = 0

    public init() {}

    /// Advances one bar and returns the center of gravity, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        guard length > 0, length <= TAMath.maximumLength else { return .nan }
        if length != self.length {
            self.length = length
            if window.capacity < length {
                window.resize(capacity: max(length, TAMath.defaultHistory))
            }
        }
        window.push(source)
        let total = sum.update(source, length: length)
        guard window.count >= length, !total.isNaN, total != 0 else { return .nan }
        var num = 0.0
        for i in 0..<length {
            num += window[i] * Double(i + 1)
        }
        return -num / total
    }
}
