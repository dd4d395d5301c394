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
    ///
    /// Bar times normally rise, so each period's last bar is found by a
    /// galloping search rather than by visiting every bar: the work grows
    /// with the number of periods, not of bars. Times out of order are
    /// handled bar by bar; a caller whose times cannot fall (the engine's
    /// curve, on bars the data layer keeps oldest first) says so with
    /// `timesAscending` and spares the check.
    public static func compute(
        time: [Int64], equity: [Double], initialEquity: Double, period: Int64 = day, from: Int64? = nil,
        to: Int64? = nil, timesAscending: Bool = false
    ) -> [Float] {
        guard period > 0 else { return [] }
        let count = min(time.count, equity.count)
        return time.withUnsafeBufferPointer { t in
            equity.withUnsafeBufferPointer { e in
                let t = UnsafeBufferPointer(rebasing: t[0..<count])
                let e = UnsafeBufferPointer(rebasing: e[0..<count])
                if timesAscending || isNondecreasing(t) {
                    return sorted(t, e, initialEquity, period, from, to)
                }
                return barByBar(t, e, initialEquity, period, from, to)
            }
        }
    }

    private static func isNondecreasing(_ t: UnsafeBufferPointer<Int64>) -> Bool {
        guard t.count > 1 else { return true }
        // Branch-free, so that the compiler can compare several bars at once.
        var falls = 0
        for i in 1..<t.count { falls |= t[i - 1] > t[i] ? 1 : 0 }
        return falls == 0
    }

    /// Rising times: jump from period to period.
    private static func sorted(
        _ t: UnsafeBufferPointer<Int64>, _ e: UnsafeBufferPointer<Double>, _ initialEquity: Double, _ period: Int64,
        _ from: Int64?, _ to: Int64?
    ) -> [Float] {
        let start = from.map { f in firstIndex(t, atOrAfter: f, from: 0, to: t.count) } ?? 0
        let end = to.map { x in firstIndex(t, atOrAfter: x, from: start, to: t.count) } ?? t.count
        var out: [Float] = []
        if start < end {
            // At most one period per bar.
            let span = t[end - 1] &- t[start]
            out.reserveCapacity(span >= 0 ? min(Int(span / period), end - start - 1) + 1 : end - start)
        }
        var previous = start > 0 ? e[start - 1] : initialEquity
        var i = start
        while i < end {
            // The start of the next period (past the end of time: the last period).
            let (following, o1) = floorDiv(t[i], period).addingReportingOverflow(1)
            let (next, o2) = following.multipliedReportingOverflow(by: period)
            let j = o1 || o2 ? end : firstIndex(t, atOrAfter: next, from: i + 1, to: end)
            let last = e[j - 1]
            out.append(Float(ratio(last, previous)))
            previous = last
            i = j
        }
        return out
    }

    /// The first index in `from ..< to` whose time is at least `x` (`to`
    /// when none), by a galloping search from `from`.
    private static func firstIndex(_ t: UnsafeBufferPointer<Int64>, atOrAfter x: Int64, from: Int, to: Int) -> Int {
        guard from < to, t[from] < x else { return from }
        var lo = from
        var step = 1
        var hi = from + 1
        while hi < to && t[hi] < x {
            lo = hi
            step &<<= 1
            hi = lo &+ step
        }
        hi = min(hi, to)
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if t[mid] < x { lo = mid } else { hi = mid }
        }
        return hi
    }

    /// Any order: every bar is visited.
    private static func barByBar(
        _ t: UnsafeBufferPointer<Int64>, _ e: UnsafeBufferPointer<Double>, _ initialEquity: Double, _ period: Int64,
        _ from: Int64?, _ to: Int64?
    ) -> [Float] {
        var out: [Float] = []
        var previous = initialEquity
        var currentPeriod: Int64? = nil
        var last = initialEquity
        for i in t.indices {
            if let from, t[i] < from {
                previous = e[i]
                continue
            }
            if let to, t[i] >= to { break }
            let p = floorDiv(t[i], period)
            if let c = currentPeriod, c != p {
                out.append(Float(ratio(last, previous)))
                previous = last
            }
            currentPeriod = p
            last = e[i]
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
