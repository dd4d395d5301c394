import PineEngine
import PineLanguage

/// The layout of `runs.csv` and `leaderboard.csv`.
struct RunsTable: Sendable {
    let parameterNames: [String]
    let metricNames: [String]

    /// Metrics shown right after the parameters in the leaderboard.
    static let keyMetrics = [
        "net_profit", "net_profit_pct", "num_trades", "percent_profitable", "profit_factor",
        "max_equity_drawdown_pct", "sharpe_tv", "sortino_tv",
    ]

    init(parameterNames: [String], metricNames: [String] = MetricCatalog.flatNames) {
        self.parameterNames = parameterNames
        self.metricNames = metricNames
    }

    var runsHeader: String {
        (["run", "status"] + parameterNames + ["objective", "passes_filters"] + metricNames + ["error"])
            .map(CSVFormat.text).joined(separator: ",") + "\n"
    }

    func runsRow(_ r: RunRecord, objective: Double, passes: Bool) -> String {
        var cells = [String(r.index), r.isOK ? "ok" : "failed"]
        cells += r.values.map(CSVFormat.value)
        cells.append(CSVFormat.number(objective))
        cells.append(r.isOK ? (passes ? "true" : "false") : "false")
        if r.metrics.count == metricNames.count {
            cells += r.metrics.map(CSVFormat.number)
        } else {
            cells += Array(repeating: "", count: metricNames.count)
        }
        if case .failed(let message) = r.status { cells.append(CSVFormat.text(message)) } else { cells.append("") }
        return cells.joined(separator: ",") + "\n"
    }

    private var leaderboardMetricOrder: [Int] {
        let key = Self.keyMetrics.compactMap { metricNames.firstIndex(of: $0) }
        return key + metricNames.indices.filter { !key.contains($0) }
    }

    var leaderboardHeader: String {
        let order = leaderboardMetricOrder
        return (["rank", "run"] + parameterNames + ["objective"] + order.map { metricNames[$0] })
            .map(CSVFormat.text).joined(separator: ",") + "\n"
    }

    func leaderboardRow(rank: Int, _ e: Leaderboard.Entry) -> String {
        var cells = [String(rank), String(e.record.index)]
        cells += e.record.values.map(CSVFormat.value)
        cells.append(CSVFormat.number(e.objective))
        for i in leaderboardMetricOrder {
            cells.append(i < e.record.metrics.count ? CSVFormat.number(e.record.metrics[i]) : "")
        }
        return cells.joined(separator: ",") + "\n"
    }
}
