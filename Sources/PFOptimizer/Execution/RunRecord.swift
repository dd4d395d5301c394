import PineLanguage

/// One finished run as the writers see it.
public struct RunRecord: Sendable, Equatable {
    /// The run's index in its plan.
    public var index: Int
    /// One value per searched parameter, in `[params]` order.
    public var values: [InputValue]
    public var status: RunOutcome.Status
    /// One value per `MetricCatalog.flatNames` entry (empty when failed).
    public var metrics: [Double]
    /// Period returns, for the runs sampled for the overfitting statistics (else empty).
    public var returns: [Float]

    public init(index: Int, values: [InputValue], status: RunOutcome.Status, metrics: [Double], returns: [Float] = []) {
        self.index = index
        self.values = values
        self.status = status
        self.metrics = metrics
        self.returns = returns
    }

    public var isOK: Bool { status == .ok }
}
