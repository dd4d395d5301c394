/// `ta.tr` / `ta.tr(handle_na)`: true range.
public enum TrueRange {
    /// `max(high - low, |high - prevClose|, |low - prevClose|)`. When `prevClose` is `na`
    /// (first bar): `high - low` if `handleNA`, else `na`.
    @inlinable
    public static func value(high: Double, low: Double, prevClose: Double, handleNA: Bool)
        -> Double
    {
        if prevClose.isNaN {
            return handleNA ? high - low : .nan
        }
        return max(max(high - low, abs(high - prevClose)), abs(low - prevClose))
    }
}
