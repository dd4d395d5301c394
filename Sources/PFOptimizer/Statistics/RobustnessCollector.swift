import PineLanguage

/// Receives a sweep's finished runs in run-index order and keeps what the
/// robustness statistics need: every run's objective and input levels,
/// and the return series of the sampled runs.
final class RobustnessCollector {
    private(set) var cloud: RunCloud
    /// Run index and period returns of each sampled run, in run order.
    private(set) var sampled: [(index: Int, returns: [Float])] = []
    /// Runs that finished without a runtime error.
    private(set) var trials = 0

    init(dimensions: [ParameterDimension]) {
        cloud = RunCloud(axes: dimensions.map(SearchLevels.init))
    }

    func accept(_ record: RunRecord, objective: Double) {
        guard record.isOK else { return }
        trials += 1
        cloud.add(values: record.values, objective: objective)
        if !record.returns.isEmpty { sampled.append((record.index, record.returns)) }
    }
}
