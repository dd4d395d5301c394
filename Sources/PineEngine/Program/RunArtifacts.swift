import Foundation

/// Writes everything a run produced into a folder: `trades.csv`,
/// `equity.csv`, `metrics.json` (the broker's report) and `plots.csv`.
public enum RunArtifacts {
    public static func write(_ result: RunResult, to directory: String) throws {
        try ReportWriter.write(result.report, to: directory)
        let url = URL(fileURLWithPath: directory).appendingPathComponent("plots.csv")
        try plotsCSV(result).write(to: url, atomically: true, encoding: .utf8)
    }

    /// `time` in Unix ms, then one column per plot; an empty cell is `na`.
    public static func plotsCSV(_ result: RunResult) -> String {
        var out = "time"
        for p in result.plots { out += "," + csvField(p.title) }
        out += "\n"
        for (row, time) in result.plotTimes.enumerated() {
            out += String(time)
            for p in result.plots {
                let v = row < p.values.count ? p.values[row] : .nan
                out += v.isNaN ? "," : "," + String(v)
            }
            out += "\n"
        }
        return out
    }

    private static func csvField(_ text: String) -> String {
        text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
