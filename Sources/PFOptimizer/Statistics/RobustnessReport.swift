import Foundation
import PineLanguage

/// Builds `robustness.json`: the deflated Sharpe ratio, the probability of
/// backtest overfitting, the plateau, edges and sensitivity of the winner,
/// Monte Carlo on its trades, and the downsampled curves the report page
/// draws. Everything is a function of the runs in run order, the winner's
/// re-run files and the settings.
struct RobustnessReport {
    var settings: RobustnessSettings
    var sampler: ReturnSampler
    var collector: RobustnessCollector
    var winner: Leaderboard.Entry?
    /// The winner's period returns (from the sample or its re-run).
    var winnerReturns: [Float]
    var maximize: Bool
    var rankBy: String
    var bestDirectory: String
    var barTimes: [Int64]
    var closes: [Double]
    var tradeFrom: Int64?
    var tradeTo: Int64?

    /// The number of points curves are cut down to.
    static let curvePoints = 1500

    func json() -> JSONText {
        var out: [(String, JSONText)] = [("format", .string("pfopt-robustness 1"))]
        out.append(("objective", .object([
            ("rank_by", .string(rankBy)), ("direction", .string(maximize ? "maximize" : "minimize")),
            ("winner_run", winner.map { .int($0.record.index) } ?? .null),
            ("winner_objective", .num(winner?.objective)),
        ])))
        let rows = collector.sampled.map(\.returns)
        let sampling = sampler.keepsAll
            ? "every run"
            : "a seeded sample (seed \(settings.seed), by a hash of the run index) of about \(settings.sampleCapacity) of \(sampler.planned) runs"
        out.append(("returns", .object([
            ("period_ms", .int(Int(settings.period))),
            ("period", .string(settings.period == PeriodReturns.day ? "1 day (UTC)" : "\(settings.period) ms")),
            ("runs_with_returns", .int(rows.count)), ("sampling", .string(sampling)),
            ("observations", .int(winnerReturns.count)),
        ])))
        out.append(("deflated_sharpe", deflatedSharpe(rows)))
        out.append(("pbo", pbo(rows)))
        let (plateau, heat) = plateauSections()
        out += plateau
        out.append(("heatmaps", heat))
        let files = WinnerFiles(directory: bestDirectory)
        out.append(("monte_carlo", monteCarlo(files)))
        out.append(("trades_histogram", histogram(files.pnl, bins: 30)))
        out.append(("curves", curves(files)))
        return .object(out)
    }

    // MARK: - Deflated Sharpe

    /// The winner's deflated Sharpe ratio: all finished runs are the
    /// trials; the variance of their per-period Sharpe ratios is taken over
    /// the runs with return series (a run with flat returns counts as 0).
    var deflatedSharpe: DeflatedSharpe {
        let sharpes = collector.sampled.map { row -> Double in
            let s = SampleMoments(row.returns).sharpe
            return s.isFinite ? s : 0
        }
        let spread = SampleMoments(sharpes)
        return DeflatedSharpe(
            trials: collector.trials, returns: winnerReturns,
            trialsSharpeVariance: spread.standardDeviation * spread.standardDeviation)
    }

    private func deflatedSharpe(_ rows: [[Float]]) -> JSONText {
        let dsr = deflatedSharpe
        let p = dsr.probability
        return .object([
            ("trials", .int(dsr.trials)), ("sharpe_per_period", .num(dsr.sharpePerPeriod)),
            ("observations", .int(dsr.observations)), ("skewness", .num(dsr.skewness)),
            ("kurtosis", .num(dsr.kurtosis)), ("trials_sharpe_variance", .num(dsr.trialsSharpeVariance)),
            ("trials_sharpe_variance_runs", .int(rows.count)),
            ("expected_max_sharpe", .num(dsr.expectedMaxSharpe)),
            ("deflated_sharpe_probability", .num(p)),
            ("verdict", .string(Self.dsrVerdict(p, trials: dsr.trials))),
        ])
    }

    static func dsrVerdict(_ p: Double, trials: Int) -> String {
        guard p.isFinite else { return "Not enough data: the winner's returns do not vary (too few trades or periods)." }
        let pct = String(format: "%.0f%%", p * 100)
        if p >= 0.95 {
            return "Likely a real edge: \(pct) probability that the winner's Sharpe ratio beats what the best of \(trials) no-edge strategies would show."
        }
        if p >= 0.5 {
            return "Unproven: only \(pct) probability that the winner beats the best of \(trials) no-edge strategies; do not trust it without more data."
        }
        return "Probably luck: \(pct) probability; the best of \(trials) strategies with no edge would be expected to do as well."
    }

    // MARK: - PBO

    private func pbo(_ rows: [[Float]]) -> JSONText {
        let result: OverfittingProbability
        do {
            result = try OverfittingProbability(rows: rows, splits: settings.blocks)
        } catch {
            return .object([("value", .null), ("error", .string(error.description)),
                            ("verdict", .string("Not computed: " + error.description + "."))])
        }
        let edges = stride(from: -6.0, through: 6.0, by: 0.5).map { $0 }
        var counts = [Int](repeating: 0, count: edges.count - 1)
        for l in result.logits {
            let c = min(edges.count - 2, max(0, Int(((l - edges[0]) / 0.5).rounded(.down))))
            counts[c] += 1
        }
        var scatter: [JSONText] = []
        let stride = max(1, result.combinations / 400)
        for i in Swift.stride(from: 0, to: result.combinations, by: stride) {
            scatter.append(.array([Self.sig(result.inSampleSharpe[i]), Self.sig(result.outOfSampleSharpe[i])]))
        }
        let logits = SampleMoments(result.logits)
        return .object([
            ("value", .num(result.value)), ("splits", .int(result.splits)),
            ("combinations", .int(result.combinations)), ("runs", .int(result.strategies)),
            ("performance", .string("Sharpe ratio of the period returns")),
            ("logits", .object([
                ("mean", .num(logits.mean)), ("std", .num(logits.standardDeviation)),
                ("histogram", .object([("edges", .array(edges.map { .number($0) })),
                                       ("counts", .array(counts.map { .int($0) }))])),
            ])),
            ("performance_degradation", .object([
                ("slope", .num(result.degradationSlope)), ("intercept", .num(result.degradationIntercept)),
                ("probability_of_loss", .num(result.probabilityOfLoss)),
                ("scatter", .array(scatter)),
            ])),
            ("verdict", .string(Self.pboVerdict(result.value))),
        ])
    }

    static func pboVerdict(_ p: Double) -> String {
        let pct = String(format: "%.0f%%", p * 100)
        if p < 0.1 {
            return "Low overfitting risk: the in-sample winner fell below the median out of sample in only \(pct) of the splits."
        }
        if p < 0.5 {
            return "Some overfitting: the in-sample winner fell below the median out of sample in \(pct) of the splits."
        }
        return "Overfit: the in-sample winner fell below the median out of sample in \(pct) of the splits; picking the best is no better than picking at random."
    }

    // MARK: - Plateau, edges, sensitivity, heatmaps

    private func plateauSections() -> ([(String, JSONText)], JSONText) {
        let cloud = collector.cloud
        guard let winner else { return ([("plateau", .null), ("edges", .array([])), ("sensitivity", .array([]))], .null) }
        let a = PlateauAnalysis(
            cloud: cloud, winnerValues: winner.record.values, winnerObjective: winner.objective, maximize: maximize)
        var plateau: JSONText = .null
        if let n = a.neighbourhood {
            plateau = .object([
                ("winner", .num(n.winner)), ("neighbourhood_runs", .int(n.runs)), ("mean", .num(n.mean)),
                ("minimum", .num(n.minimum)), ("maximum", .num(n.maximum)),
                ("mean_over_winner", .num(n.winner != 0 ? n.mean / n.winner : nil)),
                ("neighbourhood", .string("runs within one step of the winner on every searched input")),
            ])
        }
        let edges = JSONText.array(a.edges.map {
            .object([("input", .string($0.input)), ("end", .string($0.end)), ("value", .string($0.value))])
        })
        let curves = JSONText.array(a.curves.map { c in
            .object([
                ("input", .string(c.input)), ("spread", .num(c.spread)),
                ("labels", .array(c.labels.map { .string($0) })), ("runs", .array(c.runs.map { .int($0) })),
                ("best", .array(c.best.map(Self.sig))), ("mean", .array(c.mean.map(Self.sig))),
                ("worst", .array(c.worst.map(Self.sig))),
            ])
        })
        let axes = JSONText.array(cloud.axes.enumerated().map { i, axis in
            .object([
                ("name", .string(axis.name)), ("labels", .array(axis.labels.map { .string($0) })),
                ("winner_level", i < a.winnerLevels.count && a.winnerLevels[i] >= 0 ? .int(a.winnerLevels[i]) : .null),
                ("binned", .bool(axis.isBinned)),
            ])
        })
        let maps = JSONText.array(a.heatmaps.map { h in
            .object([("x", .int(h.x)), ("y", .int(h.y)), ("best", .array(h.best.map(Self.sig))),
                     ("mean", .array(h.mean.map(Self.sig)))])
        })
        let heat = JSONText.object([
            ("aggregate", .string("each cell: the best and the mean objective over the other searched inputs")),
            ("runs", .int(cloud.count)), ("axes", axes), ("maps", maps),
        ])
        return ([("plateau", plateau), ("edges", edges), ("sensitivity", curves)], heat)
    }

    // MARK: - Monte Carlo and curves

    private func monteCarlo(_ files: WinnerFiles) -> JSONText {
        guard let initial = files.equity.first, !files.pnl.isEmpty else {
            return .object([("trades", .int(files.pnl.count)), ("error", .string("the winner has no closed trades"))])
        }
        let mc = MonteCarloResampling(pnl: files.pnl, initialCapital: initial, resamples: settings.resamples,
                                      seed: settings.seed)
        func p(_ x: MonteCarloResampling.Percentiles) -> JSONText {
            .object([("p5", .num(x.p5)), ("p50", .num(x.p50)), ("p95", .num(x.p95))])
        }
        func outcome(_ o: MonteCarloResampling.Outcome) -> JSONText {
            .object([
                ("final_equity", p(o.finalEquity)), ("max_drawdown_pct", p(o.maxDrawdownPct)),
                ("longest_drawdown_trades", p(o.longestDrawdownTrades)),
                ("fan", .object([
                    ("trades", .array(o.fanTrades.map { .int($0) })),
                    ("p5", .array(o.fan.map { Self.sig($0.p5) })), ("p50", .array(o.fan.map { Self.sig($0.p50) })),
                    ("p95", .array(o.fan.map { Self.sig($0.p95) })),
                ])),
            ])
        }
        return .object([
            ("resamples", .int(mc.resamples)), ("seed", .int(Int(mc.seed))), ("trades", .int(mc.trades)),
            ("initial_capital", .num(initial)),
            ("method", .string("trade P&L in money added to the initial capital; shuffle: the same trades in another order; bootstrap: drawn with replacement")),
            ("shuffle", outcome(mc.shuffle)), ("bootstrap", outcome(mc.bootstrap)),
        ])
    }

    private func histogram(_ values: [Double], bins: Int) -> JSONText {
        guard let lo = values.min(), let hi = values.max(), hi > lo else {
            return .object([("edges", .array([])), ("counts", .array(values.isEmpty ? [] : [.int(values.count)]))])
        }
        let width = (hi - lo) / Double(bins)
        var counts = [Int](repeating: 0, count: bins)
        for v in values { counts[min(bins - 1, Int((v - lo) / width))] += 1 }
        return .object([
            ("edges", .array((0...bins).map { Self.sig(lo + Double($0) * width) })),
            ("counts", .array(counts.map { .int($0) })),
        ])
    }

    /// The winner's equity, its drawdown (% of the running peak) and buy and
    /// hold from the same capital, cut into at most `curvePoints` buckets:
    /// the last equity of a bucket, its deepest drawdown.
    private func curves(_ files: WinnerFiles) -> JSONText {
        let n = files.equity.count
        guard n > 0, let initial = files.equity.first else { return .null }
        var closeAt: [Int64: Double] = [:]
        if closes.count == barTimes.count {
            for (t, c) in zip(barTimes, closes) { closeAt[t] = c }
        }
        var startClose: Double? = nil
        var peak = -Double.infinity
        let buckets = min(n, Self.curvePoints)
        var time: [JSONText] = []
        var equity: [JSONText] = []
        var drawdown: [JSONText] = []
        var hold: [JSONText] = []
        var bucketDD = 0.0
        var next = 0
        for i in 0..<n {
            let t = files.time[i]
            let e = files.equity[i]
            peak = max(peak, e)
            bucketDD = max(bucketDD, peak > 0 ? (peak - e) / peak * 100 : 0)
            var h = initial
            if let c = closeAt[t], tradeFrom.map({ t >= $0 }) ?? true {
                if startClose == nil { startClose = c }
                if let s = startClose, s != 0 { h = initial * c / s }
            }
            if (i + 1) * buckets / n > next || i == n - 1 {
                next = (i + 1) * buckets / n
                time.append(.int(Int(t)))
                equity.append(.number((e * 100).rounded() / 100))
                drawdown.append(Self.sig(-bucketDD))
                hold.append(closeAt.isEmpty ? .null : .number((h * 100).rounded() / 100))
                bucketDD = 0
            }
        }
        return .object([
            ("time_ms", .array(time)), ("equity", .array(equity)), ("drawdown_pct", .array(drawdown)),
            ("buy_hold", .array(hold)),
        ])
    }

    /// A number to 6 significant digits (null when not finite).
    static func sig(_ d: Double) -> JSONText {
        guard d.isFinite else { return .null }
        guard d != 0 else { return .int(0) }
        return .number(Double(String(format: "%.6g", d)) ?? d)
    }
}
