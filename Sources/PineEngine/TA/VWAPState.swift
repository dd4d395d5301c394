/// `ta.vwap(source)` / `ta.vwap(source, anchor, stdev_mult)`: volume-weighted average price
/// since the last anchor, with bands `vwap +- stdev_mult * stdev`.
///
/// The caller computes `isNewPeriod`: for `ta.vwap(source)` the first bar of each session (a
/// new trading day in the exchange timezone), for the anchored form the `anchor` argument.
/// Before the first anchor the result is `na`; pass `true` on the first bar for the session
/// form (the data's first bar starts a session). The stdev is the volume-weighted one:
/// `sqrt(max(sum(v * src^2) / sum(v) - vwap^2, 0))`.
public struct VWAPState: Sendable {
    @usableFromInline var sumSrcVol = Double.nan
    @usableFromInline var sumVol = Double.nan
    @usableFromInline var sumSrcSrcVol = Double.nan

    public init() {}

    /// Advances one bar and returns `(vwap, upper, lower)`; bands are `na` when `stdevMult` is.
    @inlinable
    public mutating func update(
        _ source: Double, volume: Double, isNewPeriod: Bool, stdevMult: Double = .nan
    ) -> (vwap: Double, upper: Double, lower: Double) {
        if isNewPeriod {
            sumSrcVol = source * volume
            sumVol = volume
            sumSrcSrcVol = volume * source * source
        } else if !sumVol.isNaN, !source.isNaN, !volume.isNaN {
            sumSrcVol += source * volume
            sumVol += volume
            sumSrcSrcVol += volume * source * source
        }
        if sumVol.isNaN || sumVol == 0 { return (.nan, .nan, .nan) }
        let vwap = sumSrcVol / sumVol
        if stdevMult.isNaN { return (vwap, .nan, .nan) }
        let variance = sumSrcSrcVol / sumVol - vwap * vwap
        let dev = max(variance, 0).squareRoot() * stdevMult
        return (vwap, vwap + dev, vwap - dev)
    }
}
