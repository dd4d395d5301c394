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

/// Per-call-site state for `ta.tr(handle_na)` that remembers the previous close itself.
public struct TRState: Sendable {
    @usableFromInline var prevClose = Double.nan

    public init() {}

    /// Advances one bar and returns the true range.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double, handleNA: Bool = false)
        -> Double
    {
        let tr = TrueRange.value(high: high, low: low, prevClose: prevClose, handleNA: handleNA)
        prevClose = close
        return tr
    }
}
