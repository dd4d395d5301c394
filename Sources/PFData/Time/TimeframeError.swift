/// A timeframe string that is not a TradingView timeframe.
public enum TimeframeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not a timeframe.
    case invalid(String)

    public var description: String {
        switch self {
        case .invalid(let text):
            return "invalid timeframe \"\(text)\": use a TradingView timeframe such as 30S, 1, 15, 60, 240, 1D, 1W or 1M"
        }
    }
}
