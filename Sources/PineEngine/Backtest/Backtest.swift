import PFData

/// The run-to-end form of a backtest.
public enum Backtest {
    /// Runs `script` over `bars` with `settings` and returns the report.
    /// `broker` is reset and reused when given (one per engine instance).
    public static func run<Script: BarScript>(
        bars: BacktestBars, settings: BacktestSettings, script: Script, broker: Broker? = nil,
        onProgress: ((Int, Int) -> Void)? = nil
    ) throws -> BacktestReport {
        let session = try BacktestSession(
            bars: bars, settings: settings, script: script, broker: broker ?? Broker(settings: settings))
        return try session.run(onProgress: onProgress)
    }

    /// Runs over a plain bar store (no real-bar magnifier).
    public static func run<Script: BarScript>(
        bars: BarStore, settings: BacktestSettings, script: Script, broker: Broker? = nil,
        onProgress: ((Int, Int) -> Void)? = nil
    ) throws -> BacktestReport {
        try run(bars: BacktestBars(bars: bars), settings: settings, script: script, broker: broker, onProgress: onProgress)
    }
}
