import Foundation
import PineEngine
import PineLanguage
import Synchronization

@testable import PFOptimizer

/// A deterministic stand-in for the engine: metrics are simple functions of
/// the inputs, so every expected value can be computed independently.
struct FakeEvaluator: BacktestEvaluator {
    let inputs: [InputSpec]
    let barTimes: [Int64]
    /// Runs whose `fast` input is a multiple of this fail (0: none).
    var failEvery: Int = 0
    /// Counts run() calls across all workers.
    let calls = CallCounter()
    /// Sleep this many microseconds times (runIndex % 7) per run, to make
    /// runs finish out of order.
    var jitterMicros: UInt32 = 0
    /// Fails makeWorker() when set.
    var workerError: String? = nil

    static let metricNames = MetricCatalog.flatNames

    init(barTimes: [Int64] = FakeEvaluator.hourlyBars(days: 400), failEvery: Int = 0, jitterMicros: UInt32 = 0) {
        inputs = [
            FakeEvaluator.spec("fast", "Fast Length", .int, .int(10), minval: 1, maxval: 500),
            FakeEvaluator.spec("slow", "Slow Length", .int, .int(30), minval: 1, maxval: 1000),
            FakeEvaluator.spec("mult", "Multiplier", .float, .float(2.0), minval: 0.1, maxval: 10),
            FakeEvaluator.spec("use_stop", "Use Stop", .bool, .bool(true)),
            FakeEvaluator.spec("mode", "Mode", .string, .string("A"), options: [.string("A"), .string("B")]),
        ]
        self.barTimes = barTimes
        self.failEvery = failEvery
        self.jitterMicros = jitterMicros
    }

    static func spec(
        _ name: String, _ title: String, _ kind: InputSpec.Kind, _ def: InputValue, minval: Double? = nil,
        maxval: Double? = nil, options: [InputValue] = []
    ) -> InputSpec {
        let loc = SourceLocation(line: 1, column: 1, offset: 0)
        return InputSpec(
            name: name, title: title, kind: kind, defaultValue: def, minval: minval, maxval: maxval,
            options: options, range: SourceRange(start: loc, end: loc))
    }

    /// Hourly bar open times from 2024-01-01 UTC.
    static func hourlyBars(days: Int) -> [Int64] {
        let start: Int64 = 1_704_067_200_000
        return (0..<(days * 24)).map { start + Int64($0) * 3_600_000 }
    }

    func makeWorker() throws -> any BacktestWorker {
        if let workerError { throw FakeError(message: workerError) }
        return FakeWorker(evaluator: self)
    }

    /// The value of an input in a request, or its default.
    func value(_ name: String, _ request: RunRequest) -> InputValue {
        request.inputs[name] ?? inputs.first { $0.name == name }?.defaultValue ?? .int(0)
    }

    /// The metrics a request produces: net_profit = fast*10 - slow + mult
    /// (+5 with use_stop, +1 for mode B), num_trades = fast + slow, and every
    /// other metric its index times 0.5, shifted by the trade window length in days.
    func metrics(_ r: RunRequest) -> [Double] {
        let fast = value("fast", r).numericValue ?? 0
        let slow = value("slow", r).numericValue ?? 0
        let mult = value("mult", r).numericValue ?? 0
        let stop = value("use_stop", r).numericValue ?? 0
        let modeB = value("mode", r) == .string("B") ? 1.0 : 0.0
        var m = Self.metricNames.indices.map { Double($0) * 0.5 }
        let window = Double(((r.tradeTo ?? 0) - (r.tradeFrom ?? 0)) / 86_400_000)
        m[Self.index("net_profit")] = fast * 10 - slow + mult + stop * 5 + modeB + window
        m[Self.index("num_trades")] = fast + slow
        m[Self.index("sharpe_monthly")] = (fast / max(slow, 1)).isNaN ? .nan : fast / max(slow, 1)
        m[Self.index("profit_factor")] = .nan
        return m
    }

    static func index(_ name: String) -> Int { metricNames.firstIndex(of: name) ?? 0 }
}

struct FakeError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Counts calls from many threads.
final class CallCounter: Sendable {
    private let value = Atomic<Int>(0)
    func increment() { value.add(1, ordering: .relaxed) }
    var count: Int { value.load(ordering: .relaxed) }
}

final class FakeWorker: BacktestWorker {
    let evaluator: FakeEvaluator
    init(evaluator: FakeEvaluator) { self.evaluator = evaluator }

    func run(_ request: RunRequest) -> RunOutcome {
        evaluator.calls.increment()
        if evaluator.jitterMicros > 0 { usleep(evaluator.jitterMicros * UInt32(request.runIndex % 7)) }
        let fast = Int(evaluator.value("fast", request).numericValue ?? 0)
        if evaluator.failEvery > 0 && fast % evaluator.failEvery == 0 {
            return RunOutcome(status: .failed("array index \(fast) out of range at line 12"), metrics: [])
        }
        return RunOutcome(status: .ok, metrics: evaluator.metrics(request), returns: Self.returns(request))
    }

    /// 200 period returns when asked for: seeded noise, drifting up with `fast`.
    static func returns(_ request: RunRequest) -> [Float] {
        guard request.returnPeriod != nil else { return [] }
        var g = SeededGenerator(seed: UInt64(request.runIndex))
        let drift = (request.inputs["fast"]?.numericValue ?? 0) * 1e-5
        return (0..<200).map { _ in Float((Double(g.next() >> 11) / 9_007_199_254_740_992 - 0.5) * 0.02 + drift) }
    }

    /// Writes a small trades.csv / equity.csv / metrics.json: one trade per
    /// 10 days of the trade window, equity stepping by the trade pnl.
    func runDetailed(_ request: RunRequest, writingTo directory: String) throws -> RunOutcome {
        let outcome = run(request)
        let times = evaluator.barTimes
        let from = request.tradeFrom ?? times.first ?? 0
        let to = request.tradeTo ?? (times.last ?? 0) + 3_600_000
        let fast = evaluator.value("fast", request).numericValue ?? 1
        var trades = "trade,direction,entry_time,entry_price,exit_time,exit_price,qty,pnl,pnl_pct\n"
        var equity = "time,equity,open_profit\n"
        var cash = 1000.0
        var n = 0
        var nextTrade = from + 86_400_000 * 10
        for t in times {
            if t >= from && t < to && t >= nextTrade {
                n += 1
                let pnl = (n % 3 == 0 ? -1.0 : 2.0) * fast
                trades += "\(n),long,\(t - 86_400_000),100,\(t),\(100 + pnl),1,\(pnl),\(pnl)\n"
                cash += pnl
                nextTrade += 86_400_000 * 10
            }
            equity += "\(t),\(cash),0\n"
        }
        try trades.write(toFile: directory + "/trades.csv", atomically: true, encoding: .utf8)
        try equity.write(toFile: directory + "/equity.csv", atomically: true, encoding: .utf8)
        try "{}\n".write(toFile: directory + "/metrics.json", atomically: true, encoding: .utf8)
        return outcome
    }
}
