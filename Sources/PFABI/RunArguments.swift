import CPFABI

/// The arguments of one `run_backtest` / `run_backtest_full` call.
struct RunArguments {
    var bars: UnsafePointer<pf_bar_t>?
    var count: Int
    /// TradingView timeframe strings; nil or empty: detected / the input's.
    var inputTimeframe: String?
    var scriptTimeframe: String?
    var magnifier: Bool
    var samples: Int
    var distribution: Int
}
