/// `ta.linreg(source, length, offset)`: least-squares line through the last `length` values,
/// evaluated `offset` bars back from the newest: `intercept + slope * (length - 1 - offset)`.
///
/// `na` until `length` bars were seen or when the window holds an `na`. O(length) per bar.
public struct LinRegState: Sendable {
    @usableFromInline var window = TARingBuffer()
    @usableFromInline var length = 0

    public init() {}

    /// Advances one bar and returns the regression value, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int, offset: Int) -> Double {
        guard length > 0, length <= TAMath.maximumLength else { return .nan }
        if length != self.length {
            self.length = length
            if window.capacity < length {
                window.resize(capacity: max(length, TAMath.defaultHistory))
            }
        }
        window.push(source)
        guard window.count >= length else { return .nan }
        var sumX = 0.0
        var sumY = 0.0
        var sumXSqr = 0.0
        var sumXY = 0.0
        for i in 0..<length {
            // x runs 1...length from the oldest value to the newest.
            let value = window[length - 1 - i]
            let per = Double(i + 1)
            sumX += per
            sumY += value
            sumXSqr += per * per
            sumXY += value * per
        }
        let n = Double(length)
        let slope = (n * sumXY - sumX * sumY) / (n * sumXSqr - sumX * sumX)
        let average = sumY / n
        let intercept = average - slope * sumX / n + slope
        return intercept + slope * (n - 1 - Double(offset))
    }
}
