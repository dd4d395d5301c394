/// `ta.hma(source, length)`: Hull moving average,
/// `wma(2 * wma(source, length / 2) - wma(source, length), floor(sqrt(length)))`.
public struct HMAState: Sendable {
    @usableFromInline var half = WMAState()
    @usableFromInline var full = WMAState()
    @usableFromInline var outer = WMAState()

    public init() {}

    /// Advances one bar and returns the average, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        guard length > 0, length <= TAMath.maximumLength else { return .nan }
        let halfLength = max(1, length / 2)
        let outerLength = max(1, Int(Double(length).squareRoot().rounded(.down)))
        let a = half.update(source, length: halfLength)
        let b = full.update(source, length: length)
        return outer.update(2 * a - b, length: outerLength)
    }
}
