import PineLanguage

/// What a sweep needs from a backtest engine. The optimizer is written against
/// this protocol; `EngineEvaluator` adapts pfopt's own engine to it, and tests
/// may supply their own.
public protocol BacktestEvaluator: Sendable {
    /// The inputs the strategy declares, in source order (validates `[params]`).
    var inputs: [InputSpec] { get }
    /// Open times (Unix ms) of the script bars the engine runs over, ascending.
    /// Walk-forward folds are cut on these.
    var barTimes: [Int64] { get }
    /// Makes one worker; the pool makes one per thread and reuses it for many runs.
    func makeWorker() throws -> any BacktestWorker
    /// Close prices of the bars in `barTimes` (for the buy-and-hold curve; may be empty).
    var barCloses: [Double] { get }
    /// The symbol's price tick (prices in reports are rounded to it; 0: unknown).
    var priceTick: Double { get }
}

extension BacktestEvaluator {
    public var barCloses: [Double] { [] }
    public var priceTick: Double { 0 }
}
