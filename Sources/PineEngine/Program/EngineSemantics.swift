/// The version of what a backtest computes.
///
/// Bump `version` in any change that can alter a run's trades or metrics
/// for the same script, data and inputs (a fill rule, a built-in's result,
/// a metric's formula). Sweep and walk-forward journals store it, and a
/// journal written under another version is not resumed: its runs would
/// mix old and new results.
public enum EngineSemantics {
    /// Increase by one with every change of backtest results.
    public static let version = 2
}
