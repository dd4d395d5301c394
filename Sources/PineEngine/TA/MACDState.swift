/// `ta.macd(source, fastlen, slowlen, siglen)`: `[macd, signal, hist]` with
/// `macd = ema(fast) - ema(slow)`, `signal = ema(macd, siglen)`, `hist = macd - signal`.
public struct MACDState: Sendable {
    @usableFromInline var fast = EMAState()
    @usableFromInline var slow = EMAState()
    @usableFromInline var signal = EMAState()

    public init() {}

    /// Advances one bar and returns `(macd, signal, hist)`.
    @inlinable
    public mutating func update(
        _ source: Double, fastLength: Int, slowLength: Int, signalLength: Int
    ) -> (macd: Double, signal: Double, hist: Double) {
        let m = fast.update(source, length: fastLength) - slow.update(source, length: slowLength)
        let s = signal.update(m, length: signalLength)
        return (m, s, m - s)
    }
}
