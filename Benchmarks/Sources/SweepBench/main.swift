// SweepBench: the sweep layer's speed and memory targets.
//
//   swift run -c release --package-path Benchmarks SweepBench            # everything
//   swift run -c release --package-path Benchmarks SweepBench engine     # 2,500-run SMA grid, 1 vs 2 workers
//   swift run -c release --package-path Benchmarks SweepBench memory     # 1,000,000 vs 1,000 runs, top 50
//   swift run -c release --package-path Benchmarks SweepBench config sweeps/sma_cross.toml [JOBS]  # time any sweep
//
// Targets: >= 200 runs/s with 2 workers on the 53,929-bar ETH feed; 2 workers
// >= 1.8x one worker; peak memory of a 1,000,000-run grid no higher than a
// 1,000-run grid (the planner, reorder window and leaderboard are bounded).
import Foundation
import PFOptimizer
import PineEngine
import PineLanguage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path
let scratch = NSTemporaryDirectory() + "pfopt-sweepbench-\(getpid())"
try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)

/// Peak resident memory of this process, in MB.
func peakMB() -> Double {
    var usage = rusage()
    #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576
    #endif
}

// MARK: - The real engine on the SMA grid

func smaConfig(dir: String, trials: Int?) -> String {
    """
    [strategy]
    script = "\(repo)/sweeps/strategies/sma_cross.pine"
    [data]
    file = "\(repo)/sweeps/data/ETHUSDT-PERP_15m.csv"
    [search]
    method = "grid"
    \(trials.map { "trials = \($0)" } ?? "")
    [params]
    fast_len = { from = 5, to = 54, step = 1 }
    slow_len = { from = 60, to = 305, step = 5 }
    [objective]
    rank_by = "net_profit"
    [output]
    dir = "\(dir)"
    top = 50
    """
}

func runEngine(jobs: Int, trials: Int?) throws -> SweepSummary {
    let dir = scratch + "/sma-\(jobs)-\(trials ?? 0)"
    let path = scratch + "/sma-\(jobs).toml"
    try smaConfig(dir: dir, trials: trials).write(toFile: path, atomically: true, encoding: .utf8)
    let (config, evaluator) = try SweepLauncher.prepare(configPath: path, overrides: [])
    let sweep = try Sweep(config: config, evaluator: evaluator)
    return try sweep.run(SweepOptions(jobs: jobs, fresh: true, writeBest: false))
}

func engineBench() {
    print("SMA-crossover grid, 2,500 combinations, 53,929 bars (sweeps/data/ETHUSDT-PERP_15m.csv)")
    do {
        let one = try runEngine(jobs: 1, trials: 500)
        print(String(format: "  1 worker : %4d runs in %6.2fs = %7.1f runs/s", one.ran, one.wallSeconds, one.runsPerSecond))
        let two = try runEngine(jobs: 2, trials: nil)
        print(String(format: "  2 workers: %4d runs in %6.2fs = %7.1f runs/s  (target >= 200)", two.ran, two.wallSeconds, two.runsPerSecond))
        let scaling = one.runsPerSecond > 0 ? two.runsPerSecond / one.runsPerSecond : 0
        print(String(format: "  scaling 2 vs 1 workers: %.2fx (target >= 1.8x)", scaling))
        print(two.runsPerSecond >= 200 && scaling >= 1.8 ? "  PASS" : "  BELOW TARGET")
    } catch {
        print("  skipped: \(error)")
    }
}

// MARK: - Memory: a cheap evaluator, 1,000,000 vs 1,000 runs

/// Metrics computed from three integer inputs in a few nanoseconds.
struct CheapEvaluator: BacktestEvaluator {
    let inputs: [InputSpec]
    let barTimes: [Int64] = []

    init() {
        let loc = SourceLocation(line: 1, column: 1, offset: 0)
        inputs = ["a", "b", "c"].map {
            InputSpec(name: $0, title: nil, kind: .int, defaultValue: .int(1), range: SourceRange(start: loc, end: loc))
        }
    }

    func makeWorker() throws -> any BacktestWorker { CheapWorker() }
}

final class CheapWorker: BacktestWorker {
    let count = MetricCatalog.flatNames.count

    func run(_ request: RunRequest) -> RunOutcome {
        let a = Double(request.inputs["a"]?.numericValue ?? 0)
        let b = Double(request.inputs["b"]?.numericValue ?? 0)
        let c = Double(request.inputs["c"]?.numericValue ?? 0)
        var m = [Double](repeating: .nan, count: count)
        m[0] = a + b + c
        m[5] = a * 3 - b * 2 + c
        return RunOutcome(status: .ok, metrics: m)
    }

    func runDetailed(_ request: RunRequest, writingTo directory: String) throws -> RunOutcome { run(request) }
}

/// Child mode: one grid of side^3 runs; prints runs, seconds and peak MB.
func memoryChild(side: Int) throws {
    let dir = scratch + "/mem-\(side)"
    let path = scratch + "/mem-\(side).toml"
    let text = """
        [strategy]
        script = "\(repo)/sweeps/strategies/sma_cross.pine"
        [data]
        file = "\(repo)/sweeps/data/ETHUSDT-PERP_15m.csv"
        [params]
        a = { from = 1, to = \(side) }
        b = { from = 1, to = \(side) }
        c = { from = 1, to = \(side) }
        [objective]
        rank_by = "net_profit"
        [output]
        dir = "\(dir)"
        top = 50
        """
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let config = try SweepConfig.load(path: path)
    let summary = try Sweep(config: config, evaluator: CheapEvaluator()).run(SweepOptions(jobs: 2, fresh: true, writeBest: false))
    print("\(summary.ran) \(summary.wallSeconds) \(peakMB())")
    try? FileManager.default.removeItem(atPath: dir)
}

func memoryBench() {
    print("Peak memory, cheap evaluator, top 50, 2 workers")
    var results: [(Int, Double)] = []
    for side in [10, 100] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        p.arguments = ["memory-child", String(side)]
        let pipe = Pipe()
        p.standardOutput = pipe
        do {
            try p.run()
            p.waitUntilExit()
            let out = String(data: pipe.fileHandleForReading.readDataToEndOfFile(), encoding: .utf8) ?? ""
            let parts = out.split(whereSeparator: { $0 == " " || $0 == "\n" })
            guard parts.count >= 3, let runs = Int(parts[0]), let secs = Double(parts[1]), let mb = Double(parts[2]) else {
                print("  \(side * side * side) runs: child failed: \(out)")
                continue
            }
            print(String(format: "  %9d runs: %7.1fs, %8.0f runs/s, peak %7.1f MB", runs, secs, Double(runs) / max(secs, 1e-9), mb))
            results.append((runs, mb))
        } catch {
            print("  cannot start the child process: \(error)")
        }
    }
    if results.count == 2 {
        let ratio = results[1].1 / max(results[0].1, 1)
        print(String(format: "  1,000,000 vs 1,000 runs peak memory: %.2fx (target <= 1.0x, within noise)", ratio))
    }
}

/// Times one sweep (or walk-forward) config with the real engine (a fresh run, nothing resumed).
func configBench(_ path: String, jobs: Int?) {
    do {
        let (config, evaluator) = try SweepLauncher.prepare(configPath: path, overrides: [])
        if config.walkForward != nil {
            let summary = try WalkForward(config: config, evaluator: evaluator).run(SweepOptions(jobs: jobs, fresh: true))
            print(WalkForwardLauncher.report(summary))
        } else {
            let summary = try Sweep(config: config, evaluator: evaluator).run(SweepOptions(jobs: jobs, fresh: true))
            print(SweepLauncher.report(summary, rankBy: config.objective.rankBy))
        }
    } catch {
        print("error: \(error)")
    }
}

let args = Array(CommandLine.arguments.dropFirst())
switch args.first {
case "config":
    configBench(args.dropFirst().first ?? repo + "/sweeps/sma_cross.toml", jobs: args.dropFirst(2).first.flatMap { Int($0) })
case "memory-child":
    do { try memoryChild(side: Int(args.dropFirst().first ?? "10") ?? 10) } catch { print("error: \(error)") }
case "engine":
    engineBench()
case "memory":
    memoryBench()
default:
    engineBench()
    memoryBench()
}
try? FileManager.default.removeItem(atPath: scratch)
