/// `ta.bbw(source, length, mult)`: Bollinger Bands width, `(upper - lower) / middle * 100`.
public struct BBWState: Sendable {
    @usableFromInline var bands = BBState()

    public init() {}

    /// Advances one bar and returns the width, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int, mult: Double) -> Double {
        let (b, u, l) = bands.update(source, length: length, mult: mult)
        if b == 0 { return .nan }
        return (u - l) / b * 100
    }
}
