import PineLanguage

/// Receives one plan's finished runs in run-index order: writes `runs.csv`,
/// keeps the leaderboard, and counts.
final class SegmentCollector {
    let objective: Objective
    let space: ParameterSpace
    let table: RunsTable
    private let runs: FileSink?
    private(set) var leaderboard: Leaderboard
    private(set) var completed = 0
    private(set) var failed = 0
    private(set) var passed = 0
    private(set) var firstFailure: String?
    /// Keeps what the robustness statistics need (nil: not computed for this plan).
    let robustness: RobustnessCollector?
    /// The best objective of a run that passed the filters.
    var bestObjective: Double? { leaderboard.best?.objective }

    init(
        objective: Objective, space: ParameterSpace, top: Int, runsPath: String?, robustness: Bool = false
    ) throws(SweepError) {
        self.robustness = robustness ? RobustnessCollector(dimensions: space.dimensions) : nil
        self.objective = objective
        self.space = space
        table = RunsTable(parameterNames: space.dimensions.map(\.name))
        leaderboard = Leaderboard(capacity: top, objective: objective)
        if let runsPath {
            let sink = try FileSink(path: runsPath)
            try sink.write(table.runsHeader)
            runs = sink
        } else {
            runs = nil
        }
    }

    func accept(_ record: RunRecord) throws(SweepError) {
        completed += 1
        var value = Double.nan
        var passes = false
        if record.isOK {
            (value, passes) = objective.evaluate(metrics: record.metrics, inputs: space.allInputValues(record.values))
        } else {
            failed += 1
            if firstFailure == nil, case .failed(let m) = record.status { firstFailure = "run \(record.index): \(m)" }
        }
        robustness?.accept(record, objective: value)
        if passes {
            passed += 1
            leaderboard.offer(record, objective: value)
        }
        try runs?.write(table.runsRow(record, objective: value, passes: passes))
    }

    func flush() throws(SweepError) {
        try runs?.flush()
    }
}
