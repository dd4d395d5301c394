import PineLanguage

/// The parameters of one run.
public struct RunRequest: Sendable, Hashable {
    /// The run's index in the plan (stable across job counts).
    public var runIndex: Int
    /// Input values by the input's variable name (fixed inputs included);
    /// inputs not named keep the script's default.
    public var inputs: [String: InputValue]
    /// Orders take effect only from this time (Unix ms), the engine still
    /// warms up on every earlier bar; nil: from the first bar.
    public var tradeFrom: Int64?
    /// Orders take effect only before this time (Unix ms); nil: to the end.
    public var tradeTo: Int64?
    /// When set, the outcome carries the equity curve's returns over
    /// periods of this length (ms, see `PeriodReturns`); nil: none.
    public var returnPeriod: Int64?

    public init(
        runIndex: Int, inputs: [String: InputValue], tradeFrom: Int64? = nil, tradeTo: Int64? = nil,
        returnPeriod: Int64? = nil
    ) {
        self.runIndex = runIndex
        self.inputs = inputs
        self.tradeFrom = tradeFrom
        self.tradeTo = tradeTo
        self.returnPeriod = returnPeriod
    }
}
