/// The walk-forward's `robustness.json`: fold by fold, the in-sample
/// objective of the chosen parameters next to their objective out of
/// sample, the walk-forward efficiency, parameter stability across folds,
/// and the stitched out-of-sample equity (cut to at most 1,500 points) the
/// report page draws.
extension WalkForwardReport {
    var robustnessJSON: JSONText {
        let folds: [JSONText] = results.enumerated().map { k, r in
            .object([
                ("fold", .int(r.fold.number)),
                ("in_sample_from_ms", .int(Int(r.fold.inSampleStart))), ("in_sample_to_ms", .int(Int(r.fold.inSampleEnd))),
                ("out_of_sample_from_ms", .int(Int(r.fold.outOfSampleStart))),
                ("out_of_sample_to_ms", .int(Int(r.fold.outOfSampleEnd))),
                ("in_sample_objective", .num(r.best?.objective)),
                ("out_of_sample_objective", .num(outOfSampleObjective[k])),
                ("wfe", .num(foldEfficiency[k])),
            ])
        }
        let points = stitcher.equity
        var time: [JSONText] = []
        var equity: [JSONText] = []
        let n = points.count
        let buckets = min(n, RobustnessReport.curvePoints)
        var next = 0
        for i in 0..<n where (i + 1) * buckets / n > next || i == n - 1 {
            next = (i + 1) * buckets / n
            time.append(.int(Int(points[i].time)))
            equity.append(.number((points[i].equity * 100).rounded() / 100))
        }
        return .object([
            ("format", .string("pfopt-robustness 1")),
            ("objective", .object([
                ("rank_by", .string(config.objective.rankBy)), ("direction", .string(maximize ? "maximize" : "minimize")),
            ])),
            ("walkforward", .object([
                ("wfe", .num(efficiency)), ("profitable_fold_share", .num(profitableShare)),
                ("wfe_definition", .string("annualized out-of-sample return over the mean annualized in-sample return")),
                ("folds", .array(folds)),
                ("parameter_stability", .object(stability + [("unchanged_fold_to_fold_share", .num(unchangedShare))])),
                ("stitched_equity", .object([("time_ms", .array(time)), ("equity", .array(equity))])),
            ])),
        ])
    }
}
