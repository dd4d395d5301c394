import PineLanguage

/// The summary of one run.
public struct RunOutcome: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case ok
        /// The script failed at run time; the message names its line and the bar.
        case failed(String)
    }

    public var status: Status
    /// One value per `MetricCatalog.flatNames` entry, NaN where undefined
    /// (empty for a failed run).
    public var metrics: [Double]
    /// The period returns the request asked for (empty otherwise).
    public var returns: [Float]

    public init(status: Status, metrics: [Double], returns: [Float] = []) {
        self.status = status
        self.metrics = metrics
        self.returns = returns
    }
}
