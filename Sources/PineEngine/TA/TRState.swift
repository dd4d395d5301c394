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
