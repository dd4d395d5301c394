/// `ta.sar(start, inc, max)`: parabolic SAR, following TradingView's reference algorithm.
///
/// `na` on the first bar; the trend on the second bar is up when `close > close[1]`.
public struct SARState: Sendable {
    @usableFromInline var result = Double.nan
    @usableFromInline var maxMin = Double.nan
    @usableFromInline var acceleration = Double.nan
    @usableFromInline var isBelow = false
    @usableFromInline var bar = 0
    @usableFromInline var high1 = Double.nan
    @usableFromInline var high2 = Double.nan
    @usableFromInline var low1 = Double.nan
    @usableFromInline var low2 = Double.nan
    @usableFromInline var close1 = Double.nan

    public init() {}

    /// Advances one bar with the bar's prices and returns the SAR, or `na`.
    @inlinable
    public mutating func update(
        start: Double, increment: Double, maximum: Double,
        high: Double, low: Double, close: Double
    ) -> Double {
        defer {
            high2 = high1
            high1 = high
            low2 = low1
            low1 = low
            close1 = close
            bar += 1
        }
        var isFirstTrendBar = false
        if bar == 1 {
            if close > close1 {
                isBelow = true
                maxMin = high
                result = low1
            } else {
                isBelow = false
                maxMin = low
                result = high1
            }
            isFirstTrendBar = true
            acceleration = start
        }
        result = result + acceleration * (maxMin - result)
        if isBelow {
            if result > low {
                isFirstTrendBar = true
                isBelow = false
                result = max(high, maxMin)
                maxMin = low
                acceleration = start
            }
        } else {
            if result < high {
                isFirstTrendBar = true
                isBelow = true
                result = min(low, maxMin)
                maxMin = high
                acceleration = start
            }
        }
        if !isFirstTrendBar {
            if isBelow {
                if high > maxMin {
                    maxMin = high
                    acceleration = min(acceleration + increment, maximum)
                }
            } else {
                if low < maxMin {
                    maxMin = low
                    acceleration = min(acceleration + increment, maximum)
                }
            }
        }
        if isBelow {
            result = min(result, low1)
            if bar > 1 { result = min(result, low2) }
        } else {
            result = max(result, high1)
            if bar > 1 { result = max(result, high2) }
        }
        return result
    }
}
