/// Returns over fixed calendar periods taken from an equity curve, so that
/// runs with different trading rhythms are compared on the same clock.
///
/// Periods are aligned to the Unix epoch in UTC (a day period starts at
/// 00:00 UTC). The equity at the close of the last bar of each period is
/// compared with the one of the period before; the first period is compared
/// with the equity just before the trade window opens (the initial capital
/// when the window starts at the first bar). Bars outside the trade window
/// `[from, to)` are left out.
public enum PeriodReturns {
    /// One day in milliseconds (the default period).
    public static let day: Int64 = 86_400_000

    /// The period returns of an equity curve with bar open times `time`.
    public static func compute(
        time: [Int64], equity: [Double], initialEquity: Double, period: Int64 = day, from: Int64? = nil,
        to: Int64? = nil
    ) -> [Float] {
        guard period > 0 else { return [] }
        let count = min(time.count, equity.count)
        var out: [Float] = []
        var previous = initialEquity
        var currentPeriod: Int64? = nil
        var last = initialEquity
        for i in 0..<count {
            let t = time[i]
            if let from, t < from {
                previous = equity[i]
                continue
            }
            if let to, t >= to { break }
            let p = floorDiv(t, period)
            if let c = currentPeriod, c != p {
                out.append(Float(ratio(last, previous)))
                previous = last
            }
            currentPeriod = p
            last = equity[i]
        }
        if currentPeriod != nil { out.append(Float(ratio(last, previous))) }
        return out
    }

    private static func ratio(_ now: Double, _ before: Double) -> Double {
        guard before != 0, now.isFinite, before.isFinite else { return 0 }
        return now / before - 1
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
