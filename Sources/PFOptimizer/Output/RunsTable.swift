import PineEngine
import PineLanguage

/// The layout of `runs.csv` (every run, every metric, full precision) and
/// `leaderboard.csv` (rank, inputs, then the headline metrics written for
/// people), both derived from `MetricCatalog`.
struct RunsTable: Sendable {
    let parameterNames: [String]
    let metricNames: [String]
    /// Index and kind of each headline metric, in leaderboard order.
    private let headline: [(index: Int, name: String, kind: MetricCatalog.Kind)]

    init(parameterNames: [String], metricNames: [String] = MetricCatalog.flatNames) {
        self.parameterNames = parameterNames
        self.metricNames = metricNames
        headline = MetricCatalog.headline.compactMap { name in
            guard let i = metricNames.firstIndex(of: name), let kind = MetricCatalog.kind(of: name) else { return nil }
            return (i, name, kind)
        }
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

    var leaderboardHeader: String {
        (["rank", "run"] + parameterNames + ["objective"] + headline.map(\.name) + ["deflated_sharpe"])
            .map(CSVFormat.text).joined(separator: ",") + "\n"
    }

    /// One leaderboard row; `deflatedSharpe` is the run's deflated Sharpe
    /// probability when its returns were sampled.
    func leaderboardRow(rank: Int, _ e: Leaderboard.Entry, deflatedSharpe: Double? = nil) -> String {
        var cells = [String(rank), String(e.record.index)]
        cells += e.record.values.map(CSVFormat.value)
        cells.append(CellFormat.significant(e.objective, digits: 4))
        for h in headline {
            cells.append(h.index < e.record.metrics.count ? CellFormat.metric(e.record.metrics[h.index], kind: h.kind) : "")
        }
        cells.append(deflatedSharpe.map { CellFormat.fixed($0, decimals: 4) } ?? "")
        return cells.joined(separator: ",") + "\n"
    }
}
