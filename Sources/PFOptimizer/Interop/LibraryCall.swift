import CPFABI

/// The timeframe and magnifier arguments of every `run_backtest_full` call of a sweep.
struct LibraryCall: Sendable {
    var inputTimeframe: String
    var scriptTimeframe: String
    var magnifier: Int32
    var samples: Int32
    var distribution: Int32
}
