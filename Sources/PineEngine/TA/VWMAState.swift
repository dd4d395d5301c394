/// `ta.vwma(source, length)`: volume-weighted moving average, `sma(source * volume) / sma(volume)`.
public struct VWMAState: Sendable {
    @usableFromInline var weighted = SMAState()
    @usableFromInline var volumes = SMAState()

    public init() {}

    /// Advances one bar with the bar's `volume` and returns the average, or `na`.
    @inlinable
    public mutating func update(_ source: Double, volume: Double, length: Int) -> Double {
        let num = weighted.update(source * volume, length: length)
        let den = volumes.update(volume, length: length)
        if num.isNaN || den.isNaN || den == 0 { return .nan }
        return num / den
    }
}
