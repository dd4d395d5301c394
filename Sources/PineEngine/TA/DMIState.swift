/// `ta.dmi(diLength, adxSmoothing)`: `[+DI, -DI, ADX]`.
///
/// `+DM`/`-DM` from the changes of high and low, smoothed with `ta.rma(diLength)` and divided by
/// `ta.rma(ta.tr, diLength)` (true range `na` on the first bar); both DIs carry their last value
/// over `na` (`fixnan`); `ADX = 100 * rma(|+DI - -DI| / (+DI + -DI), adxSmoothing)`.
public struct DMIState: Sendable {
    @usableFromInline var prevHigh = Double.nan
    @usableFromInline var prevLow = Double.nan
    @usableFromInline var prevClose = Double.nan
    @usableFromInline var trur = RMAState()
    @usableFromInline var plusRMA = RMAState()
    @usableFromInline var minusRMA = RMAState()
    @usableFromInline var adxRMA = RMAState()
    @usableFromInline var plus = Double.nan
    @usableFromInline var minus = Double.nan

    public init() {}

    /// Advances one bar with the bar's prices and returns `(plus, minus, adx)`.
    @inlinable
    public mutating func update(
        diLength: Int, adxSmoothing: Int, high: Double, low: Double, close: Double
    ) -> (plus: Double, minus: Double, adx: Double) {
        let up = high - prevHigh
        let down = -(low - prevLow)
        let tr = TrueRange.value(high: high, low: low, prevClose: prevClose, handleNA: false)
        prevHigh = high
        prevLow = low
        prevClose = close
        let plusDM = up.isNaN ? Double.nan : (up > down && up > 0 ? up : 0)
        let minusDM = down.isNaN ? Double.nan : (down > up && down > 0 ? down : 0)
        let t = trur.update(tr, length: diLength)
        let pr = plusRMA.update(plusDM, length: diLength)
        let mr = minusRMA.update(minusDM, length: diLength)
        let p = t == 0 ? Double.nan : 100 * pr / t
        let m = t == 0 ? Double.nan : 100 * mr / t
        if !p.isNaN { plus = p }
        if !m.isNaN { minus = m }
        let sum = plus + minus
        let spread = abs(plus - minus) / (sum == 0 ? 1 : sum)
        let adx = 100 * adxRMA.update(spread, length: adxSmoothing)
        return (plus, minus, adx)
    }
}
