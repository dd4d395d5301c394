import Foundation
import PineEngine

/// The metrics of the stitched out-of-sample record: the same set a run
/// reports (`MetricCatalog.flatNames`, computed by the engine's `Metrics`
/// from the stitched trades and equity curve), plus a few walk-forward
/// figures. Buy & hold needs bar prices the stitched record does not carry:
/// it is reported as undefined.
struct StitchedMetrics {
    var values: [(String, Double)] = []

    init(_ s: OOSStitcher, totalDays: Double) {
        let initial = s.initialEquity
        let curve = s.curve
        var flat = [Double](repeating: .nan, count: MetricCatalog.flatNames.count)
        if initial.isFinite, initial > 0, curve.count > 0 {
            let metrics = Metrics(
                trades: s.closedTrades, curve: curve, initialCapital: initial, firstOpen: .nan, lastClose: .nan,
                timezone: TimeZone(identifier: "UTC") ?? .current)
            flat = metrics.flat + MetricCatalog.runCounters.map { _ in .nan }
        }
        values = zip(MetricCatalog.flatNames, flat).map { ($0, $1) }
        let finalEquity = s.equity.last?.equity ?? initial
        let returnPct = initial > 0 ? (finalEquity - initial) / initial * 100 : .nan
        values += [
            ("initial_equity", initial),
            ("final_equity", finalEquity),
            ("equity_return_pct", returnPct),
            ("annualized_return_pct", totalDays > 0 ? returnPct * 365.25 / totalDays : .nan),
            ("out_of_sample_days", totalDays),
        ]
    }

    func value(_ name: String) -> Double {
        values.first { $0.0 == name }?.1 ?? .nan
    }
}
