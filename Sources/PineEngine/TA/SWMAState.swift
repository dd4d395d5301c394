/// `ta.swma(source)`: symmetrically weighted moving average over 4 bars,
/// weights 1/6, 2/6, 2/6, 1/6 (oldest to newest).
public struct SWMAState: Sendable {
    @usableFromInline var window = TARingBuffer(capacity: 4)

    public init() {}

    /// Advances one bar and returns the average (`na` for the first 3 bars).
    @inlinable
    public mutating func update(_ source: Double) -> Double {
        window.push(source)
        guard window.isFull else { return .nan }
        return window[3] * (1.0 / 6) + window[2] * (2.0 / 6) + window[1] * (2.0 / 6)
            + window[0] * (1.0 / 6)
    }
}
