import Foundation
import PFData
import PineEngine

/// Loads the parity fixtures (Tests/Fixtures/parity) and the bundled feed
/// (sweeps/data/ETHUSDT-PERP_15m.csv) and compares reports with them.
enum ParityFixture {
    static let testsDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let casesDirectory = testsDirectory.appendingPathComponent("Fixtures/parity/cases")

    /// The 15m feed (53,929 bars).
    static var feed: BarStore { PineParityFeed.store }

    /// The feed aggregated to 60m with its sub-bar map.
    static let feed60: BacktestBars? = {
        guard let m15 = Timeframe("15"), let h1 = Timeframe("60"),
            let agg = try? feed.aggregated(to: h1, from: m15)
        else { return nil }
        return try? BacktestBars(aggregated: agg, source: feed)
    }()

    /// The settings of one reference run.
    struct RunSettings {
        var inputs: [String: Double]
        var scriptTimeframe: String
        var magnifierMode: String
        var samples: Int
        var distribution: Int
        var tradeStart: Int64
    }

    static func runDirectory(_ caseName: String, _ run: String) -> URL {
        casesDirectory.appendingPathComponent(caseName).appendingPathComponent("runs").appendingPathComponent(run)
    }

    static func json(_ url: URL) -> [String: Any] {
        guard let data = try? Data(contentsOf: url),
            let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return obj
    }

    static func runSettings(_ caseName: String, _ run: String) -> RunSettings? {
        let s = json(runDirectory(caseName, run).appendingPathComponent("settings.json"))
        guard let byVar = s["inputs_by_var"] as? [String: Any] else { return nil }
        var inputs: [String: Double] = [:]
        for (k, v) in byVar {
            if let n = v as? NSNumber { inputs[k] = n.doubleValue }
        }
        return RunSettings(
            inputs: inputs, scriptTimeframe: s["script_tf"] as? String ?? "15",
            magnifierMode: s["magnifier_mode"] as? String ?? "off", samples: (s["samples"] as? NSNumber)?.intValue ?? 4,
            distribution: (s["distribution"] as? NSNumber)?.intValue ?? 3,
            tradeStart: (s["trade_start_time_ms"] as? NSNumber)?.int64Value ?? 0)
    }

    /// The run ids of a case.
    static func runs(_ caseName: String) -> [String] {
        let dir = casesDirectory.appendingPathComponent(caseName).appendingPathComponent("runs")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }

    /// Runs a strategy for one reference run and returns the mismatches
    /// (empty: the run is reproduced).
    static func check(
        caseName: String, run: String, properties: StrategyProperties,
        makeScript: ([String: Double]) -> some BarScript
    ) throws -> ParityResult {
        guard let rs = runSettings(caseName, run) else { return ParityResult(missing: "settings for \(caseName)/\(run)") }
        var settings = BacktestSettings(properties: properties, tradeFrom: rs.tradeStart)
        var bars = BacktestBars(bars: feed)
        if rs.scriptTimeframe == "60" {
            guard let b = feed60 else { return ParityResult(missing: "the 60m aggregation") }
            bars = b
            settings.barDurationMs = 3_600_000
        }
        switch rs.magnifierMode {
        case "real-bar": settings.magnifier = .realBars
        case "synthetic":
            settings.magnifier = .synthetic(
                samples: rs.samples, distribution: MagnifierDistribution(rawValue: rs.distribution) ?? .endpoints)
        default: settings.magnifier = .off
        }
        let report = try Backtest.run(bars: bars, settings: settings, script: makeScript(rs.inputs))
        return compare(report, caseName: caseName, run: run)
    }

    static func close(_ a: Double, _ b: Double, rel: Double) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        return abs(a - b) <= rel * max(abs(b), 1)
    }

    /// The differences between a report and a reference run.
    struct ParityResult {
        /// Human-readable differences (the first few of each kind).
        var problems: [String] = []
        /// Our trade count minus the reference's.
        var tradeCountDelta = 0
        /// Trades differing in anything but their excursions.
        var badTrades = 0
        /// Trades differing only in max run-up / max drawdown.
        var badExcursions = 0
        /// Metrics outside 1e-9 relative.
        var badMetrics = 0
        /// Equity curve samples (equity_sample.csv) differing in time,
        /// equity or open profit.
        var badEquityPoints = 0

        init() {}
        init(missing: String) { problems = ["missing " + missing]; badTrades = .max }

        var isExact: Bool { problems.isEmpty }
    }

    static func compare(_ report: BacktestReport, caseName: String, run: String) -> ParityResult {
        var result = ParityResult()
        var problems: [String] = []
        let dir = runDirectory(caseName, run)
        guard let text = try? String(contentsOf: dir.appendingPathComponent("trades.csv"), encoding: .utf8) else {
            return ParityResult(missing: "trades.csv")
        }
        let rows = text.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        result.tradeCountDelta = report.trades.count - rows.count
        if rows.count != report.trades.count {
            problems.append("trade count \(report.trades.count), expected \(rows.count)")
        }
        for (i, f) in rows.enumerated() where i < report.trades.count {
            let t = report.trades[i]
            let n = f.map { Double($0) ?? .nan }
            var bad: [String] = []
            if t.direction.description != String(f[1]) { bad.append("direction \(t.direction)") }
            if t.entryTime != Int64(f[2]) { bad.append("entry_time \(t.entryTime) vs \(f[2])") }
            if !close(t.entryPrice, n[3], rel: 1e-9) { bad.append("entry_price \(t.entryPrice) vs \(f[3])") }
            if t.exitTime != Int64(f[4]) { bad.append("exit_time \(t.exitTime) vs \(f[4])") }
            if !close(t.exitPrice, n[5], rel: 1e-9) { bad.append("exit_price \(t.exitPrice) vs \(f[5])") }
            if !close(t.qty, n[6], rel: 1e-9) { bad.append("qty \(t.qty) vs \(f[6])") }
            if abs(t.pnl - n[7]) > 1e-6 { bad.append("pnl \(t.pnl) vs \(f[7])") }
            if abs(t.pnlPercent - n[8]) > 1e-6 { bad.append("pnl_pct \(t.pnlPercent) vs \(f[8])") }
            if abs(t.commission - n[9]) > 1e-6 { bad.append("commission \(t.commission) vs \(f[9])") }
            if t.entryBar != Int(f[10]) || t.exitBar != Int(f[11]) {
                bad.append("bars \(t.entryBar)-\(t.exitBar) vs \(f[10])-\(f[11])")
            }
            let core = !bad.isEmpty
            if abs(t.maxRunup - n[12]) > 1e-6 { bad.append("max_runup \(t.maxRunup) vs \(f[12])") }
            if abs(t.maxDrawdown - n[13]) > 1e-6 { bad.append("max_drawdown \(t.maxDrawdown) vs \(f[13])") }
            if core { result.badTrades += 1 } else if !bad.isEmpty { result.badExcursions += 1 }
            if !bad.isEmpty && problems.count < 8 { problems.append("trade \(i + 1): " + bad.joined(separator: "; ")) }
        }
        let m = json(dir.appendingPathComponent("metrics.json"))
        let groups: [(String, [String], [Double])] = [
            ("all", MetricCatalog.tradeMetrics, report.metrics.all.values),
            ("longs", MetricCatalog.tradeMetrics, report.metrics.longs.values),
            ("shorts", MetricCatalog.tradeMetrics, report.metrics.shorts.values),
            ("equity", MetricCatalog.equityMetrics, report.metrics.equity.values),
        ]
        for (group, names, values) in groups {
            let ref = m[group] as? [String: Any] ?? [:]
            for (name, v) in zip(names, values) {
                // The reference files name the annualised monthly ratios by their former names.
                let key = MetricCatalog.renamed.first { $0.value == name }?.key ?? name
                let expected = (ref[key] as? NSNumber)?.doubleValue ?? .nan
                if !close(v, expected, rel: 1e-9) {
                    result.badMetrics += 1
                    if problems.count < 40 { problems.append("\(group).\(name) \(v) vs \(expected)") }
                }
            }
        }
        let counters: [(String, Double)] = [
            ("script_bars_processed", Double(report.counters.scriptBarsProcessed)),
            ("magnifier_sample_ticks_total", Double(report.counters.magnifierSampleTicks)),
            ("final_equity", report.finalEquity),
        ]
        for (name, v) in counters {
            let expected = (m[name] as? NSNumber)?.doubleValue ?? .nan
            if !close(v, expected, rel: 1e-9) {
                result.badMetrics += 1
                problems.append("\(name) \(v) vs \(expected)")
            }
        }
        let (badPoints, pointProblems) = compareEquitySamples(report.equityCurve, directory: dir)
        result.badEquityPoints = badPoints
        problems += pointProblems
        result.problems = problems
        return result
    }

    /// Compares the curve with the reference's equity_sample.csv (points 0,
    /// 100, 200, ... and the last): time exact, equity and open profit
    /// within 1e-6. Returns the count of differing points and the first few.
    static func compareEquitySamples(_ curve: EquityCurve, directory dir: URL) -> (Int, [String]) {
        guard let text = try? String(contentsOf: dir.appendingPathComponent("equity_sample.csv"), encoding: .utf8) else {
            return (1, ["missing equity_sample.csv"])
        }
        var bad = 0
        var problems: [String] = []
        var expectedIndices: [Int] = Array(stride(from: 0, to: curve.count, by: 100))
        if let last = expectedIndices.last, last != curve.count - 1 { expectedIndices.append(curve.count - 1) }
        let rows = text.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",") }
        if rows.count != expectedIndices.count {
            bad += 1
            problems.append("equity samples: \(rows.count) in the reference, \(expectedIndices.count) points expected")
        }
        for (f, i) in zip(rows, expectedIndices) {
            guard f.count >= 3, let time = Int64(f[0]), let equity = Double(f[1]), let openProfit = Double(f[2]) else {
                bad += 1
                continue
            }
            if time != curve.time[i] || abs(curve.equity[i] - equity) > 1e-6 || abs(curve.openProfit[i] - openProfit) > 1e-6 {
                bad += 1
                if problems.count < 4 {
                    problems.append(
                        "equity point \(i): \(curve.time[i]) \(curve.equity[i]) \(curve.openProfit[i]) vs \(f[0]) \(f[1]) \(f[2])")
                }
            }
        }
        return (bad, problems)
    }
}
