import Foundation
import PineEngine
import PineLanguage

/// The outputs of a finished walk-forward: folds.csv, the stitched
/// oos_trades.csv / oos_equity.csv, and walkforward.json.
struct WalkForwardReport {
    let results: [FoldResult]
    let parameterNames: [String]
    let stitcher: OOSStitcher
    let stitched: StitchedMetrics
    /// Per fold: annualized in-sample and out-of-sample returns (%), and WFE.
    let inSampleAnnualized: [Double?]
    let outOfSampleAnnualized: [Double?]
    let foldEfficiency: [Double?]
    let efficiency: Double?
    let profitableShare: Double?
    let stability: [(String, JSONText)]
    let unchangedShare: Double?
    let config: SweepConfig
    let dimensions: [ParameterDimension]
    /// Per fold: the objective of the best parameters over the out-of-sample window.
    let outOfSampleObjective: [Double?]
    let maximize: Bool
    var notes: [String] = []

    static let netPct = MetricCatalog.flatNames.firstIndex(of: "net_profit_pct") ?? 0
    static let keyMetrics = ["net_profit", "net_profit_pct", "num_trades", "percent_profitable", "profit_factor",
                             "max_equity_drawdown_pct", "sharpe_monthly"]

    init(walkForward wf: WalkForward, results: [FoldResult]) throws(SweepError) {
        self.results = results
        config = wf.config
        dimensions = wf.space.dimensions
        parameterNames = wf.space.dimensions.map(\.name)
        var stitcher = OOSStitcher()
        var notes: [String] = []
        for r in results {
            guard let oos = r.outOfSample, oos.status == .ok else { continue }
            stitcher.add(try OOSStitcher.read(fold: r.fold, directory: wf.foldDirectory(r.fold) + "/oos"))
        }
        self.stitcher = stitcher
        let oosDays = results.filter { $0.outOfSample?.status == .ok }.reduce(0.0) { $0 + $1.fold.outOfSampleDays }
        stitched = StitchedMetrics(stitcher, totalDays: oosDays)

        func pct(_ o: [Double]?) -> Double? {
            guard let o, Self.netPct < o.count, o[Self.netPct].isFinite else { return nil }
            return o[Self.netPct]
        }
        var isAnn: [Double?] = []
        var oosAnn: [Double?] = []
        var wfe: [Double?] = []
        for r in results {
            let i = pct(r.best?.record.metrics).map { $0 * 365.25 / max(r.fold.inSampleDays, 1e-9) }
            let o = r.outOfSample?.status == .ok
                ? pct(r.outOfSample?.metrics).map { $0 * 365.25 / max(r.fold.outOfSampleDays, 1e-9) } : nil
            isAnn.append(i)
            oosAnn.append(o)
            if let i, let o, i > 0 { wfe.append(o / i) } else { wfe.append(nil) }
        }
        inSampleAnnualized = isAnn
        outOfSampleAnnualized = oosAnn
        foldEfficiency = wfe
        let isValues = isAnn.compactMap { $0 }
        let meanIS = isValues.isEmpty ? nil : isValues.reduce(0, +) / Double(isValues.count)
        let stitchedAnn = stitched.value("annualized_return_pct")
        if let meanIS, meanIS > 0, stitchedAnn.isFinite {
            efficiency = stitchedAnn / meanIS
        } else {
            efficiency = nil
            notes.append("walk-forward efficiency is undefined: the mean annualized in-sample return is not above 0")
        }
        let oosNet = results.compactMap { r -> Double? in
            guard let o = r.outOfSample, o.status == .ok, Self.netPct < o.metrics.count else { return nil }
            return o.metrics[Self.netPct]
        }
        profitableShare = oosNet.isEmpty ? nil : Double(oosNet.filter { $0 > 0 }.count) / Double(oosNet.count)
        let noBest = results.filter { $0.best == nil }.map(\.fold.number)
        if !noBest.isEmpty {
            notes.append("no in-sample run passed the filters in fold(s) " + noBest.map(String.init).joined(separator: ", "))
        }
        (stability, unchangedShare) = Self.stability(results, dimensions: wf.space.dimensions)
        maximize = wf.objective.maximize
        outOfSampleObjective = results.map { r in
            guard let best = r.best, let o = r.outOfSample, o.status == .ok else { return nil }
            let v = wf.objective.evaluate(metrics: o.metrics, inputs: wf.space.allInputValues(best.record.values)).objective
            return v.isFinite ? v : nil
        }
        self.notes = notes
    }

    /// How much the chosen parameters move between folds.
    static func stability(_ results: [FoldResult], dimensions: [ParameterDimension]) -> ([(String, JSONText)], Double?) {
        let chosen = results.compactMap { $0.best?.record.values }
        var out: [(String, JSONText)] = []
        for (d, dim) in dimensions.enumerated() {
            let values = chosen.map { $0[d] }
            var entry: [(String, JSONText)] = [("values", .array(values.map { v in
                if case .string(let s) = v { return .string(s) }
                return .num(v.numericValue)
            }))]
            var changes = 0
            for k in values.indices.dropFirst() where values[k] != values[k - 1] { changes += 1 }
            entry.append(("changed_share", .num(values.count > 1 ? Double(changes) / Double(values.count - 1) : nil)))
            let numbers = values.compactMap { v -> Double? in
                if case .string = v { return nil }
                return v.numericValue
            }
            if numbers.count == values.count, numbers.count > 0, dim.kind != .bool {
                let mean = numbers.reduce(0, +) / Double(numbers.count)
                let variance = numbers.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(numbers.count)
                let sd = variance.squareRoot()
                entry.append(("mean", .num(mean)))
                entry.append(("stdev", .num(sd)))
                entry.append(("coefficient_of_variation", .num(mean != 0 ? sd / abs(mean) : nil)))
                let span = range(dim)
                if numbers.count > 1, let span, span > 0 {
                    var total = 0.0
                    for k in numbers.indices.dropFirst() { total += abs(numbers[k] - numbers[k - 1]) }
                    entry.append(("mean_step_of_range", .num(total / Double(numbers.count - 1) / span)))
                }
            }
            out.append((dim.name, .object(entry)))
        }
        var unchanged = 0
        for k in chosen.indices.dropFirst() where chosen[k] == chosen[k - 1] { unchanged += 1 }
        return (out, chosen.count > 1 ? Double(unchanged) / Double(chosen.count - 1) : nil)
    }

    static func range(_ dim: ParameterDimension) -> Double? {
        switch dim.values {
        case .intRange(let lo, let hi, _, _): return Double(hi - lo)
        case .floatRange(let lo, let hi, _, _): return hi - lo
        case .list(let items):
            let n = items.compactMap(\.numericValue)
            guard let lo = n.min(), let hi = n.max() else { return nil }
            return hi - lo
        }
    }

    func write(to dir: String) throws(SweepError) {
        try OutputDirectory.write(foldsCSV, to: dir + "/folds.csv")
        try OutputDirectory.write(stitcher.tradesCSV, to: dir + "/oos_trades.csv")
        try OutputDirectory.write(stitcher.equityCSV, to: dir + "/oos_equity.csv")
        try OutputDirectory.write(json.render() + "\n", to: dir + "/walkforward.json")
        try OutputDirectory.write(robustnessJSON.render() + "\n", to: dir + "/robustness.json")
    }

    private func metric(_ m: [Double]?, _ name: String) -> Double {
        guard let m, let i = MetricCatalog.flatNames.firstIndex(of: name), i < m.count else { return .nan }
        return m[i]
    }

    var foldsCSV: String {
        var header = ["fold", "in_sample_start", "in_sample_end", "out_of_sample_start", "out_of_sample_end", "status"]
        header += parameterNames + ["is_objective"]
        header += Self.keyMetrics.map { "is_" + $0 } + Self.keyMetrics.map { "oos_" + $0 }
        header += ["is_annualized_return_pct", "oos_annualized_return_pct", "wfe"]
        header += ["in_sample_start_ms", "in_sample_end_ms", "out_of_sample_start_ms", "out_of_sample_end_ms"]
        var out = header.map(CSVFormat.text).joined(separator: ",") + "\n"
        for (k, r) in results.enumerated() {
            var cells = [String(r.fold.number), Fold.iso(r.fold.inSampleStart), Fold.iso(r.fold.inSampleEnd),
                         Fold.iso(r.fold.outOfSampleStart), Fold.iso(r.fold.outOfSampleEnd), CSVFormat.text(r.status)]
            cells += r.best.map { $0.record.values.map(CSVFormat.value) } ?? Array(repeating: "", count: parameterNames.count)
            cells.append(CSVFormat.number(r.best?.objective ?? .nan))
            let oos = r.outOfSample?.status == .ok ? r.outOfSample?.metrics : nil
            cells += Self.keyMetrics.map { CSVFormat.number(metric(r.best?.record.metrics, $0)) }
            cells += Self.keyMetrics.map { CSVFormat.number(metric(oos, $0)) }
            cells += [inSampleAnnualized[k], outOfSampleAnnualized[k], foldEfficiency[k]].map { CSVFormat.number($0 ?? .nan) }
            cells += [r.fold.inSampleStart, r.fold.inSampleEnd, r.fold.outOfSampleStart, r.fold.outOfSampleEnd].map { String($0) }
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }

    var json: JSONText {
        let section = config.walkForward
        let foldsJSON: [JSONText] = results.enumerated().map { k, r in
            var params: [(String, JSONText)] = []
            if let values = r.best?.record.values {
                for (name, v) in zip(parameterNames, values) {
                    if case .string(let s) = v { params.append((name, .string(s))) } else { params.append((name, .num(v.numericValue))) }
                }
            }
            let oos = r.outOfSample?.status == .ok ? r.outOfSample?.metrics : nil
            var entry: [(String, JSONText)] = [
                ("fold", .int(r.fold.number)),
                ("in_sample", .object([("start", .string(Fold.iso(r.fold.inSampleStart))), ("end", .string(Fold.iso(r.fold.inSampleEnd))),
                                       ("start_ms", .int(Int(r.fold.inSampleStart))), ("end_ms", .int(Int(r.fold.inSampleEnd)))])),
                ("out_of_sample", .object([("start", .string(Fold.iso(r.fold.outOfSampleStart))), ("end", .string(Fold.iso(r.fold.outOfSampleEnd))),
                                           ("start_ms", .int(Int(r.fold.outOfSampleStart))), ("end_ms", .int(Int(r.fold.outOfSampleEnd)))])),
                ("status", .string(r.status)),
                ("in_sample_runs", .int(r.inSampleRuns)),
                ("in_sample_passed_filters", .int(r.inSamplePassed)),
                ("params", r.best == nil ? .null : .object(params)),
                ("in_sample_objective", .num(r.best?.objective)),
                ("in_sample", .object(Self.keyMetrics.map { ($0, .num(metric(r.best?.record.metrics, $0))) })),
                ("out_of_sample", .object(Self.keyMetrics.map { ($0, .num(metric(oos, $0))) })),
                ("in_sample_annualized_return_pct", .num(inSampleAnnualized[k])),
                ("out_of_sample_annualized_return_pct", .num(outOfSampleAnnualized[k])),
                ("wfe", .num(foldEfficiency[k])),
            ]
            if foldEfficiency[k] == nil {
                entry.append(("wfe_note", .string(r.best == nil ? "no in-sample run passed the filters"
                    : (inSampleAnnualized[k] ?? 0) <= 0 ? "undefined: in-sample return <= 0" : "undefined: no out-of-sample result")))
            }
            // Keys repeat for the window bounds and metrics: rename the metric blocks.
            entry[1].0 = "in_sample_window"
            entry[2].0 = "out_of_sample_window"
            entry[8].0 = "in_sample_metrics"
            entry[9].0 = "out_of_sample_metrics"
            return .object(entry)
        }
        var overall: [(String, JSONText)] = [
            ("wfe", .num(efficiency)),
            ("profitable_fold_share", .num(profitableShare)),
            ("folds", .int(results.count)),
            ("folds_with_out_of_sample", .int(results.filter { $0.outOfSample?.status == .ok }.count)),
        ]
        if efficiency == nil { overall.append(("wfe_note", .string("undefined: mean annualized in-sample return <= 0"))) }
        return .object([
            ("walkforward", .object([
                ("mode", .string(section?.mode.rawValue ?? "")),
                ("in_sample", .string(section?.inSample.description ?? "")),
                ("out_of_sample", .string(section?.outOfSample.description ?? "")),
                ("step", .string(section?.step.description ?? "")),
                ("gap", .string(section?.gap.description ?? "")),
                ("warmup", .string(section?.warmup.description ?? "")),
            ])),
            ("overall", .object(overall)),
            ("stitched_out_of_sample", .object(stitched.values.map { ($0.0, .num($0.1)) })),
            ("parameter_stability", .object(stability + [("unchanged_fold_to_fold_share", .num(unchangedShare))])),
            ("folds", .array(foldsJSON)),
            ("notes", .array(notes.map { .string($0) })),
        ])
    }
}
