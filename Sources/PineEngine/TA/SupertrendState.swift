/// `ta.supertrend(factor, atrPeriod)`: `[supertrend, direction]` on `hl2` with `ta.atr`.
///
/// Follows TradingView's reference algorithm literally, including its first bar: the bands are
/// `nz`-ed against the previous bar, so the very first value is 0 with direction 1, and the
/// line is `na` until the ATR exists. Direction -1 means up trend (line below price).
public struct SupertrendState: Sendable {
    @usableFromInline var atr = ATRState()
    @usableFromInline var prevUpper = Double.nan
    @usableFromInline var prevLower = Double.nan
    @usableFromInline var prevClose = Double.nan
    @usableFromInline var prevATR = Double.nan
    @usableFromInline var prevSupertrend = Double.nan

    public init() {}

    /// Advances one bar with the bar's prices and returns `(supertrend, direction)`.
    @inlinable
    public mutating func update(
        factor: Double, atrPeriod: Int, high: Double, low: Double, close: Double
    ) -> (supertrend: Double, direction: Double) {
        let src = (high + low) / 2
        let a = atr.update(length: atrPeriod, high: high, low: low, close: close)
        var upper = src + factor * a
        var lower = src - factor * a
        let pl = prevLower.isNaN ? 0 : prevLower
        let pu = prevUpper.isNaN ? 0 : prevUpper
        lower = (lower > pl || prevClose < pl) ? lower : pl
        upper = (upper < pu || prevClose > pu) ? upper : pu
        let direction: Double
        if prevATR.isNaN {
            direction = 1
        } else if prevSupertrend == pu {
            direction = close > upper ? -1 : 1
        } else {
            direction = close < lower ? 1 : -1
        }
        let st = direction == -1 ? lower : upper
        prevUpper = upper
        prevLower = lower
        prevClose = close
        prevATR = a
        prevSupertrend = st
        return (st, direction)
    }
}
