import PineLanguage

/// What one backtest run is given besides the script and the bars.
public struct RunOptions: Sendable, Hashable {
    /// Input values by variable name or title; others keep their defaults.
    public var inputs: [String: InputValue]
    /// Replacements for `strategy()` properties, as text (`pyramiding` = "3").
    public var overrides: [String: String]
    /// Orders take effect from this time (Unix ms); the script still warms up before it.
    public var tradeFrom: Int64?
    /// The run stops before this time (Unix ms).
    public var tradeTo: Int64?
    public var magnifier: Magnifier

    public init(
        inputs: [String: InputValue] = [:], overrides: [String: String] = [:], tradeFrom: Int64? = nil,
        tradeTo: Int64? = nil, magnifier: Magnifier = .off
    ) {
        self.inputs = inputs
        self.overrides = overrides
        self.tradeFrom = tradeFrom
        self.tradeTo = tradeTo
        self.magnifier = magnifier
    }
}
