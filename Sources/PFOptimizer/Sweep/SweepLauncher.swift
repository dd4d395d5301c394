import Foundation
import PineEngine
import PineLanguage

/// What `pfopt sweep` and `pfopt walkforward` do, as a library: load the
/// config, set up the engine, validate, run, and describe the outcome.
public enum SweepLauncher {
    /// Makes the evaluator for a config's engine setup (the real engine by default).
    public typealias EvaluatorFactory = @Sendable (EngineSetup) throws -> any BacktestEvaluator

    /// The default factory: pfopt's own engine, or the strategy library the config names.
    public static let engine: EvaluatorFactory = { setup in
        if let library = setup.libraryPath {
            return try LibraryEvaluator(setup: setup, libraryPath: library, declared: setup.declaredInputs)
        }
        return try EngineEvaluator(setup: setup)
    }

    /// Loads a config and builds its evaluator.
    public static func prepare(configPath: String, overrides: [String], factory: EvaluatorFactory = engine)
        throws -> (SweepConfig, any BacktestEvaluator)
    {
        let config = try SweepConfig.load(path: configPath, overrides: overrides)
        for path in [config.strategy.scriptPath, config.data.file] + (config.data.symbol.map { [$0] } ?? [])
        where !FileManager.default.fileExists(atPath: path) {
            throw SweepError.io(path: path, reason: "no such file (named in \(configPath))")
        }
        var fixed: [String: InputValue] = [:]
        for (key, value) in config.strategy.inputs {
            switch value {
            case .int(let i): fixed[key] = .int(i)
            case .float(let d): fixed[key] = .float(d)
            case .bool(let b): fixed[key] = .bool(b)
            case .string(let s), .datetime(let s): fixed[key] = .string(s)
            default: continue
            }
        }
        let evaluator = try factory(config.engineSetup(fixedInputs: fixed))
        return (config, evaluator)
    }

    /// Runs a sweep from a config file.
    public static func sweep(
        configPath: String, overrides: [String], options: SweepOptions, factory: EvaluatorFactory = engine
    ) throws -> SweepSummary {
        let (config, evaluator) = try prepare(configPath: configPath, overrides: overrides, factory: factory)
        let sweep = try Sweep(config: config, evaluator: evaluator)
        return try sweep.run(options)
    }

    /// `sweep` or `walkforward`: what the finished shards under
    /// `outputDirectory/shards` were run by (nil when none has finished).
    public static func shardCommand(outputDirectory: String) -> String? {
        ShardMerge.command(outputDirectory: outputDirectory)
    }

    /// The report `pfopt sweep` prints.
    public static func report(_ s: SweepSummary, rankBy: String) -> String {
        var lines: [String] = []
        for note in s.notes { lines.append("note: " + note) }
        var plan = "plan: \(s.planned) candidates"
        if s.skippedByConstraints > 0 { plan += ", \(s.skippedByConstraints) skipped by constraints" }
        if s.skippedDuplicates > 0 { plan += ", \(s.skippedDuplicates) duplicate draws skipped" }
        lines.append(plan)
        var ran = "ran \(s.ran) runs in " + String(format: "%.1fs (%.1f runs/s)", s.wallSeconds, s.runsPerSecond)
        if s.reused > 0 { ran += ", \(s.reused) resumed from the journal" }
        lines.append(ran)
        lines.append("\(s.failed) failed, \(s.passed) passed the filters, \(s.filteredOut) filtered out")
        if let f = s.firstFailure { lines.append("first failure: " + f) }
        if s.top.isEmpty {
            lines.append("no run passed the filters")
        } else {
            lines.append("top \(min(5, s.top.count)) by \(rankBy):")
            var rows = [["rank", "run"] + s.parameterNames + ["objective", "net_profit", "trades", "max_dd_%"]]
            let np = metricIndex("net_profit")
            let nt = metricIndex("num_trades")
            let dd = metricIndex("max_equity_drawdown_pct")
            for (i, e) in s.top.prefix(5).enumerated() {
                func m(_ k: Int?) -> String {
                    guard let k, k < e.record.metrics.count else { return "" }
                    return ProgressPrinter.formatNumber(e.record.metrics[k])
                }
                rows.append([String(i + 1), String(e.record.index)] + e.record.values.map(shortText)
                    + [ProgressPrinter.formatNumber(e.objective), m(np), m(nt), m(dd)])
            }
            lines += table(rows).map { "  " + $0 }
        }
        if s.interrupted {
            lines.append("stopped early; run the same command again to resume")
        }
        var files = ["runs.csv", "leaderboard.csv"]
        if !s.interrupted && s.best != nil && s.shard == nil { files.append("best/") }
        if s.wroteReport { files += ["robustness.json", "report.html"] }
        files.append("manifest.json")
        lines.append("wrote \(s.outputDirectory)/{\(files.joined(separator: ", "))}")
        return lines.joined(separator: "\n")
    }

    /// A parameter value for the console: floats to 4 significant digits.
    static func shortText(_ v: InputValue) -> String {
        if case .float(let d) = v { return ProgressPrinter.formatNumber(d) }
        return v.tidyDescription
    }

    static func metricIndex(_ name: String) -> Int? {
        MetricCatalog.flatNames.firstIndex(of: name)
    }

    /// Left-aligned text columns.
    static func table(_ rows: [[String]]) -> [String] {
        guard let width = rows.map(\.count).max() else { return [] }
        var widths = [Int](repeating: 0, count: width)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }.joined(separator: "  ")
        }
    }
}

