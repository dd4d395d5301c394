/// The result of one run: the broker's report and the plotted series.
public struct RunResult: Sendable {
    public var report: BacktestReport
    /// Plot titles and their per-bar values (empty unless plots were recorded).
    public var plots: [(title: String, values: [Double])]
    /// Open times of the bars the plots cover.
    public var plotTimes: [Int64]
}
