/// `ta.cci(source, length)`: `(source - sma(source, length)) / (0.015 * dev(source, length))`.
public struct CCIState: Sendable {
    @usableFromInline var mean = SMAState()
    @usableFromInline var dev = DevState()

    public init() {}

    /// Advances one bar and returns the CCI, or `na` (also when the deviation is 0).
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        let m = mean.update(source, length: length)
        let d = dev.update(source, length: length)
        if m.isNaN || d.isNaN || d == 0 { return .nan }
        return (source - m) / (0.015 * d)
    }
}
