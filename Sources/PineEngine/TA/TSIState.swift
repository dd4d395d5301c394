/// `ta.tsi(source, shortLength, longLength)`: true strength index in [-1, 1],
/// `ema(ema(change, long), short) / ema(ema(|change|, long), short)`.
public struct TSIState: Sendable {
    @usableFromInline var prev = Double.nan
    @usableFromInline var numLong = EMAState()
    @usableFromInline var numShort = EMAState()
    @usableFromInline var denLong = EMAState()
    @usableFromInline var denShort = EMAState()

    public init() {}

    /// Advances one bar and returns the index, or `na`.
    @inlinable
    public mutating func update(_ source: Double, shortLength: Int, longLength: Int) -> Double {
        let pc = source - prev
        prev = source
        let num = numShort.update(numLong.update(pc, length: longLength), length: shortLength)
        let den = denShort.update(denLong.update(abs(pc), length: longLength), length: shortLength)
        if num.isNaN || den.isNaN || den == 0 { return .nan }
        return num / den
    }
}
