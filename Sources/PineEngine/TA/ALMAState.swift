import Foundation

/// `ta.alma(source, length, offset, sigma, floor)`: Arnaud Legoux moving average.
///
/// Weights `exp(-(i - m)^2 / (2 s^2))` with `m = offset * (length - 1)` (floored when `floor`)
/// and `s = length / sigma`, oldest value first. `na` until `length` bars were seen or when the
/// window holds an `na`.
public struct ALMAState: Sendable {
    @usableFromInline var window = TARingBuffer()
    @usableFromInline var weights: [Double] = []
    @usableFromInline var norm = 0.0
    @usableFromInline var length = 0
    @usableFromInline var offset = Double.nan
    @usableFromInline var sigma = Double.nan
    @usableFromInline var floor = false

    public init() {}

    /// Advances one bar and returns the average, or `na`.
    public mutating func update(
        _ source: Double, length: Int, offset: Double, sigma: Double, floor: Bool = false
    ) -> Double {
        guard length > 0, length <= TAMath.maximumLength, !offset.isNaN, !sigma.isNaN, sigma != 0
        else { return .nan }
        if length != self.length {
            if window.capacity < length {
                window.resize(capacity: max(length, TAMath.defaultHistory))
            }
        }
        if length != self.length || offset != self.offset || sigma != self.sigma
            || floor != self.floor
        {
            self.length = length
            self.offset = offset
            self.sigma = sigma
            self.floor = floor
            computeWeights()
        }
        window.push(source)
        guard window.count >= length else { return .nan }
        var total = 0.0
        for i in 0..<length {
            // weights[i] applies to the value (length - 1 - i) bars ago.
            total += window[length - 1 - i] * weights[i]
        }
        return total / norm
    }

    mutating func computeWeights() {
        var m = offset * Double(length - 1)
        if floor { m = m.rounded(.down) }
        let s = Double(length) / sigma
        if weights.count != length { weights = [Double](repeating: 0, count: length) }
        norm = 0
        for i in 0..<length {
            let d = Double(i) - m
            let w = exp(-(d * d) / (2 * s * s))
            weights[i] = w
            norm += w
        }
    }
}
