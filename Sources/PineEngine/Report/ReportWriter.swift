import Foundation
import PFData

/// Writes a report's `trades.csv`, `equity.csv` and `metrics.json`.
/// Floats are written as the shortest text that parses back to the same
/// double, prices rounded to the tick when it is known; times as ISO 8601
/// UTC with the same time in Unix ms in a `_ms` column at the end of the
/// row; undefined metrics as `null`.
public enum ReportWriter {
    /// The trade list columns, in order.
    public static let tradeColumns = [
        "trade", "direction", "entry_time", "entry_price", "exit_time", "exit_price", "qty", "pnl",
        "pnl_pct", "commission", "entry_bar", "exit_bar", "max_runup", "max_drawdown", "entry_id",
        "exit_id", "entry_comment", "exit_comment", "entry_time_ms", "exit_time_ms",
    ]

    /// `trades.csv`: one row per closed trade; prices rounded to `tick` when it is above 0.
    public static func tradesCSV(_ report: BacktestReport, tick: Double = 0) -> String {
        var out = tradeColumns.joined(separator: ",") + "\n"
        for (i, t) in report.trades.enumerated() {
            let fields: [String] = [
                String(i + 1), t.direction.description, UTCCalendar.isoString(milliseconds: t.entryTime),
                price(t.entryPrice, tick), UTCCalendar.isoString(milliseconds: t.exitTime), price(t.exitPrice, tick),
                number(t.qty), number(t.pnl), number(t.pnlPercent),
                number(t.commission), String(t.entryBar), String(t.exitBar), number(t.maxRunup),
                number(t.maxDrawdown), csvField(t.entryId), csvField(t.exitId), csvField(t.entryComment ?? ""),
                csvField(t.exitComment ?? ""), String(t.entryTime), String(t.exitTime),
            ]
            out += fields.joined(separator: ",")
            out += "\n"
        }
        return out
    }

    /// `equity.csv`: time,equity,open_profit,time_ms per script bar.
    public static func equityCSV(_ report: BacktestReport) -> String {
        let c = report.equityCurve
        var out = "time,equity,open_profit,time_ms\n"
        out.reserveCapacity(c.count * 64)
        for i in 0..<c.count {
            out += UTCCalendar.isoString(milliseconds: c.time[i])
            out += ","
            out += number(c.equity[i])
            out += ","
            out += number(c.openProfit[i])
            out += ","
            out += String(c.time[i])
            out += "\n"
        }
        return out
    }

    /// `metrics.json`: counters, then `all`, `longs`, `shorts`, `equity`.
    public static func metricsJSON(_ report: BacktestReport) -> String {
        let m = report.metrics
        func block(_ names: [String], _ values: [Double], integers: Set<String>) -> String {
            var parts: [String] = []
            for (name, v) in zip(names, values) {
                let text = integers.contains(name) && v.isFinite ? String(Int(v)) : json(v)
                parts.append("    \"\(name)\": \(text)")
            }
            return "{\n" + parts.joined(separator: ",\n") + "\n  }"
        }
        let ints = Set(MetricCatalog.tradeEntries.filter { $0.kind == .count }.map(\.name))
        var open = 0.0
        for t in report.openTrades { open += t.qty * t.direction.sign }
        let head: [(String, String)] = [
            ("total_trades", String(report.trades.count)),
            ("net_profit", json(m.all.netProfit)),
            ("final_equity", json(report.finalEquity)),
            ("open_trades", String(report.openTrades.count)),
            ("open_position_size", json(open)),
            ("script_bars_processed", String(report.counters.scriptBarsProcessed)),
            ("magnifier_sample_ticks_total", String(report.counters.magnifierSampleTicks)),
            ("magnifier_sub_bars_total", String(report.counters.magnifierSubBars)),
            ("margin_shortfall_bars", String(report.counters.marginShortfallBars)),
            ("equity_curve_len", String(report.equityCurve.count)),
        ]
        var out = "{\n"
        for (k, v) in head { out += "  \"\(k)\": \(v),\n" }
        out += "  \"all\": " + block(MetricCatalog.tradeMetrics, m.all.values, integers: ints) + ",\n"
        out += "  \"longs\": " + block(MetricCatalog.tradeMetrics, m.longs.values, integers: ints) + ",\n"
        out += "  \"shorts\": " + block(MetricCatalog.tradeMetrics, m.shorts.values, integers: ints) + ",\n"
        out += "  \"equity\": " + block(MetricCatalog.equityMetrics, m.equity.values, integers: [])
        if let c = report.currency {
            out += ",\n  \"currency\": " + c.json
        }
        out += "\n"
        out += "}\n"
        return out
    }

    /// Writes the three files into `directory` (created when missing).
    public static func write(_ report: BacktestReport, to directory: String, tick: Double = 0)
        throws(ReportWriterError)
    {
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: directory, reason: error.localizedDescription)
        }
        let files = [
            ("trades.csv", tradesCSV(report, tick: tick)), ("equity.csv", equityCSV(report)),
            ("metrics.json", metricsJSON(report)),
        ]
        for (name, text) in files {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw .cannotWrite(path: path, reason: error.localizedDescription)
            }
        }
    }

    /// The shortest round-trip text of a double ("nan" never appears in CSV: empty).
    static func number(_ v: Double) -> String {
        v.isFinite ? "\(v)" : ""
    }

    /// A price on the tick grid (the round-trip text when the tick is unknown).
    static func price(_ v: Double, _ tick: Double) -> String {
        guard v.isFinite else { return "" }
        guard tick > 0, tick.isFinite else { return "\(v)" }
        let decimals = TickGrid.displayDecimals(of: tick)
        return String(format: "%.\(decimals)f", (v / tick).rounded() * tick)
    }

    static func json(_ v: Double) -> String {
        v.isFinite ? "\(v)" : "null"
    }

    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
