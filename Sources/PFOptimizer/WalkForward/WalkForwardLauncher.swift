import Foundation

/// What `pfopt walkforward` prints.
public enum WalkForwardLauncher {
    /// The report for a finished walk-forward.
    public static func report(_ s: WalkForwardSummary) -> String {
        var lines: [String] = s.notes.map { "note: " + $0 }
        if let shard = s.shard {
            let runs = s.folds.reduce(0) { $0 + $1.inSampleRuns }
            lines.append("shard \(shard): \(runs) in-sample runs over \(s.folds.count) folds, \(s.ran) run now"
                + (s.reused > 0 ? ", \(s.reused) resumed from the journal" : "") + String(format: " in %.1fs", s.wallSeconds))
            lines.append(s.interrupted ? "stopped early; run the same command again to resume" : "wrote \(s.outputDirectory); when every shard is done: pfopt merge CONFIG")
            return lines.joined(separator: "\n")
        }
        lines.append("\(s.folds.count) folds, \(s.ran) runs in " + String(format: "%.1fs", s.wallSeconds)
            + (s.reused > 0 ? ", \(s.reused) resumed from the journal" : ""))
        var rows = [["fold", "in-sample", "out-of-sample"] + s.parameterNames + ["is_obj", "is_ret%/y", "oos_ret%/y", "wfe", "status"]]
        for (k, r) in s.folds.enumerated() {
            let f = r.fold
            let day = { (t: Int64) in String(Fold.iso(t).prefix(10)) }
            let params = r.best.map { $0.record.values.map(SweepLauncher.shortText) } ?? Array(repeating: "-", count: s.parameterNames.count)
            let isRet = pct(r.best?.record.metrics, days: f.inSampleDays)
            let oosRet = r.outOfSample?.status == .ok ? pct(r.outOfSample?.metrics, days: f.outOfSampleDays) : "-"
            let wfe = k < s.foldEfficiency.count ? s.foldEfficiency[k].map { String(format: "%.2f", $0) } ?? "n/a" : "-"
            rows.append([String(f.number), day(f.inSampleStart) + ".." + day(f.inSampleEnd),
                         day(f.outOfSampleStart) + ".." + day(f.outOfSampleEnd)] + params
                + [r.best.map { ProgressPrinter.formatNumber($0.objective) } ?? "-", isRet, oosRet, wfe,
                   r.status == "ok" ? "ok" : r.status])
        }
        lines += SweepLauncher.table(rows).map { "  " + $0 }
        if !s.interrupted {
            lines.append(String(
                format: "stitched out-of-sample: %d closed trades, net profit %.2f; equity %.2f -> %.2f (%+.2f%%, open positions marked to market)",
                s.stitchedTrades, s.stitchedNetProfit, s.stitchedInitialEquity, s.stitchedFinalEquity, s.stitchedReturnPct))
            lines.append("walk-forward efficiency: " + (s.efficiency.map { String(format: "%.2f", $0) } ?? "undefined (in-sample return <= 0)")
                + ", profitable out-of-sample folds: "
                + (s.profitableFoldShare.map { String(format: "%.0f%%", $0 * 100) } ?? "n/a"))
            lines.append("wrote \(s.outputDirectory)/{folds.csv, oos_trades.csv, oos_equity.csv, walkforward.json, robustness.json, report.html, manifest.json, folds/}")
        } else {
            lines.append("stopped early; run the same command again to resume")
        }
        return lines.joined(separator: "\n")
    }

    private static func pct(_ m: [Double]?, days: Double) -> String {
        guard let m, WalkForwardReport.netPct < m.count, m[WalkForwardReport.netPct].isFinite, days > 0 else { return "-" }
        return String(format: "%.1f", m[WalkForwardReport.netPct] * 365.25 / days)
    }
}
