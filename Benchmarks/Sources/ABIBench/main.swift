// ABIBench: the cost of running a strategy through its exported library (C ABI version 2)
// instead of pfopt's engine directly.
//
//   swift run -c release --package-path Benchmarks ABIBench             # both measurements
//   swift run -c release --package-path Benchmarks ABIBench overhead    # per-run overhead only
//   swift run -c release --package-path Benchmarks ABIBench sweep [JOBS]
//   ABIBENCH_BASE=/path/libpfopt_abi.so ... ABIBench                    # another base library
//
// overhead: the same run (sma_cross, 53,929 bars) repeated on one worker of each kind;
//           the per-run ABI overhead is the difference of the medians (handle reuse,
//           input setting through text, report conversion and copy-out).
// sweep:    sweeps/sma_cross.toml's grid on the script and on the exported library.
//           Target: the library sweep within 1.3x of the script sweep.
import Foundation
import PFOptimizer
import PineEngine
import PineLanguage

#if canImport(Glibc)
    import Glibc
#endif

let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path
let scratch = NSTemporaryDirectory() + "pfopt-abibench-\(getpid())"
try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: scratch) }

let base = ProcessInfo.processInfo.environment["ABIBENCH_BASE"] ?? LibraryExporter.baseLibraryBesideExecutable()
let script = repo + "/sweeps/strategies/sma_cross.pine"
let library = scratch + "/sma_cross.so"
do {
    try LibraryExporter(scriptPath: script, outputPath: library, sets: [], baseLibraryPath: base).export()
} catch {
    print("cannot export \(script) with \(base): \(error)\n(it is built beside ABIBench)")
    exit(1)
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? .nan : s[s.count / 2]
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func overheadBench() throws {
    let setup = EngineSetup(
        scriptPath: script, overrides: ["initial_capital": .float(10000)], dataPath: repo + "/sweeps/data/ETHUSDT-PERP_15m.csv")
    let engine = try EngineEvaluator(setup: setup).makeWorker()
    var librarySetup = setup
    librarySetup.libraryPath = library
    let abi = try LibraryEvaluator(setup: librarySetup, libraryPath: library, declared: []).makeWorker()
    let requests = (0..<6).map { k in
        RunRequest(runIndex: k, inputs: ["fast_len": .int(8 + k), "slow_len": .int(60), "use_trend": .bool(false)])
    }
    // Warm both (the column caches then hold every series the requests read).
    for r in requests {
        _ = engine.run(r)
        _ = abi.run(r)
    }
    var tEngine: [Double] = []
    var tABI: [Double] = []
    for round in 0..<10 {
        for r in requests {
            var t = now()
            let a = engine.run(r)
            tEngine.append(now() - t)
            t = now()
            let b = abi.run(r)
            tABI.append(now() - t)
            if round == 0 && a.metrics.map(\.bitPattern) != b.metrics.map(\.bitPattern) { print("  MISMATCH on run \(r.runIndex): the library's metrics differ from the engine's") }
        }
    }
    let e = median(tEngine) * 1000
    let l = median(tABI) * 1000
    print("per-run cost, sma_cross on 53,929 bars, one worker, median of \(tEngine.count) runs:")
    print(String(format: "  engine directly : %8.3f ms", e))
    print(String(format: "  through the ABI : %8.3f ms", l))
    print(String(format: "  ABI overhead    : %8.3f ms per run (%.1f%%)", l - e, (l - e) / e * 100))
}

func sweepConfig(strategyLine: String, dir: String) -> String {
    """
    [strategy]
    \(strategyLine)
    [strategy.inputs]
    trend_len = 400
    [strategy.overrides]
    initial_capital = 10000
    commission_type = "percent"
    commission_value = 0.05
    slippage = 1
    [data]
    file = "\(repo)/sweeps/data/ETHUSDT-PERP_15m.csv"
    from = "2024-11-01"
    [search]
    method = "grid"
    constraints = ["fast_len < slow_len"]
    [params]
    fast_len = { from = 5, to = 50, step = 1 }
    slow_len = { from = 20, to = 200, step = 20 }
    use_trend = { values = [false, true] }
    [objective]
    rank_by = "net_profit_pct / max(max_equity_drawdown_pct, 1)"
    filters = ["num_trades >= 30", "max_equity_drawdown_pct < 60"]
    [output]
    dir = "\(dir)"
    top = 50
    """
}

func sweepBench(jobs: Int) throws {
    var seconds: [String: Double] = [:]
    for (name, line) in [("script", "script = \"\(script)\""), ("library", "library = \"\(library)\"")] {
        let path = scratch + "/\(name).toml"
        try sweepConfig(strategyLine: line, dir: scratch + "/out-\(name)").write(toFile: path, atomically: true, encoding: .utf8)
        let summary = try SweepLauncher.sweep(
            configPath: path, overrides: [], options: SweepOptions(jobs: jobs, fresh: true, writeBest: false))
        seconds[name] = summary.wallSeconds
        print(String(format: "  %-8@ %4d runs in %6.2fs = %6.1f runs/s", name as NSString, summary.ran, summary.wallSeconds, summary.runsPerSecond))
    }
    let a = try String(contentsOfFile: scratch + "/out-script/leaderboard.csv", encoding: .utf8)
    let b = try String(contentsOfFile: scratch + "/out-library/leaderboard.csv", encoding: .utf8)
    print("  leaderboards byte-identical: \(a == b ? "yes" : "NO")")
    let ratio = (seconds["library"] ?? .nan) / (seconds["script"] ?? .nan)
    print(String(format: "  library / script wall time: %.2fx (target <= 1.3x)", ratio))
    print(ratio <= 1.3 ? "  PASS" : "  ABOVE TARGET")
}

let args = Array(CommandLine.arguments.dropFirst())
let mode = args.first ?? "all"
if mode == "all" || mode == "overhead" { try overheadBench() }
if mode == "all" || mode == "sweep" {
    let jobs = args.count > 1 ? Int(args[1]) ?? 2 : 2
    print("sweeps/sma_cross.toml grid (836 runs after the constraint), \(jobs) workers:")
    try sweepBench(jobs: jobs)
}
