/// What part of the language a built-in belongs to; tells the engine how to treat it.
public enum BuiltinCategory: String, Sendable, Hashable {
    /// `strategy(...)`, `indicator(...)`, `library(...)`.
    case declaration
    /// `input(...)`, `input.int(...)`, ...
    case input
    /// `ta.*` indicators (each call site owns state).
    case technical
    /// `math.*`.
    case math
    /// `str.*`.
    case string
    /// `array.*`.
    case array
    /// `map.*` and `matrix.*`.
    case collection
    /// `color.*` functions.
    case color
    /// `strategy.entry`, `strategy.exit`, ... and the `strategy.risk.*` rules.
    case order
    /// `strategy.opentrades.*(i)`, `strategy.closedtrades.*(i)`, conversions.
    case strategyState
    /// `na`, `nz`, `fixnan`, casts, time and calendar functions, `runtime.error`.
    case core
    /// `plot(...)`: records an output series.
    case plot
    /// Drawing, alerts, logging: accepted and without effect on a backtest.
    case noOp
}
