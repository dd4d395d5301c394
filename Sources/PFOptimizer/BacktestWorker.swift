import PineLanguage

/// One engine instance, owned by one pool thread at a time.
public protocol BacktestWorker: AnyObject {
    /// Runs one backtest and returns its summary. A runtime error inside the
    /// script is a `.failed` outcome, never a thrown error or a crash.
    func run(_ request: RunRequest) -> RunOutcome
    /// Runs one backtest and writes its full detail (trades.csv, equity.csv,
    /// metrics.json, plots.csv) into `directory`.
    func runDetailed(_ request: RunRequest, writingTo directory: String) throws -> RunOutcome
}
