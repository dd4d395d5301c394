import Foundation
import PFData

/// Writes everything a run produced into a folder: `trades.csv`,
/// `equity.csv`, `metrics.json` (the broker's report) and `plots.csv`.
public enum RunArtifacts {
    /// `tick`: the symbol's price tick (trade prices are rounded to it; 0: written as computed).
    public static func write(_ result: RunResult, to directory: String, tick: Double = 0) throws {
        try ReportWriter.write(result.report, to: directory, tick: tick)
        let url = URL(fileURLWithPath: directory).appendingPathComponent("plots.csv")
        try plotsCSV(result).write(to: url, atomically: true, encoding: .utf8)
    }

    /// `time` (ISO 8601 UTC), one column per plot (an empty cell is `na`), then `time_ms`.
    public static func plotsCSV(_ result: RunResult) -> String {
        var out = "time"
        for p in result.plots { out += "," + csvField(p.title) }
        out += ",time_ms\n"
        for (row, time) in result.plotTimes.enumerated() {
            out += UTCCalendar.isoString(milliseconds: time)
            for p in result.plots {
                let v = row < p.values.count ? p.values[row] : .nan
                out += v.isNaN ? "," : "," + String(v)
            }
            out += "," + String(time) + "\n"
        }
        return out
    }

    private static func csvField(_ text: String) -> String {
        text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
