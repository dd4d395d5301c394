import PFData

/// When the exchange's trading days begin: the weekly session starts of the
/// symbol (`SymbolInfo.sessionStarts`, in the exchange time zone), used by
/// `ta.vwap`'s session reset, `timeframe.change()` and the periods counted
/// from a session's start.
///
/// A bar belongs to the session whose start it has reached or contains: each
/// start is floored to the chart's bar grid, so with 15-minute bars a session
/// starting at 17:05 opens with the 17:00 bar (the bar that contains 17:05).
/// Without session starts, every day starts at midnight.
struct TradingSessions: Sendable {
    /// Session starts in seconds since Monday 00:00 (local), ascending.
    private let starts: [Int]

    static let secondsPerWeek = 7 * 86_400

    /// Sessions from the symbol's weekly starts (day 0 = Monday) on a chart whose bars
    /// last `barDurationMs` (0 when unknown).
    init(starts sessionStarts: [SessionTime], barDurationMs: Int64) {
        let grid = barDurationMs > 0 && barDurationMs < 86_400_000 ? Int(barDurationMs / 1000) : 1
        var seconds: [Int] = []
        for s in sessionStarts where (0...6).contains(s.day) {
            let ofDay = s.time.secondsSinceMidnight / max(grid, 1) * max(grid, 1)
            seconds.append(s.day * 86_400 + ofDay)
        }
        if seconds.isEmpty { seconds = (0..<7).map { $0 * 86_400 } }
        starts = Array(Set(seconds)).sorted()
    }

    /// Midnight every day.
    static let midnight = TradingSessions(starts: [], barDurationMs: 0)

    /// The local time (ms since the epoch in the exchange zone) at which the session
    /// holding local time `localMs` started.
    func sessionStart(localMs: Int64) -> Int64 {
        let msPerDay: Int64 = 86_400_000
        var days = localMs / msPerDay
        if localMs % msPerDay < 0 { days -= 1 }
        // 1970-01-01 was a Thursday: Monday-based weekday 3.
        let weekday = Int(((days + 3) % 7 + 7) % 7)
        let weekStart = (days - Int64(weekday)) * msPerDay
        let secondOfWeek = Int((localMs - weekStart) / 1000)
        var found = -1
        for s in starts {
            if s <= secondOfWeek { found = s } else { break }
        }
        if found < 0, let last = starts.last { found = last - Self.secondsPerWeek }
        return weekStart + Int64(found) * 1000
    }

    /// The calendar day (days since 1970-01-01) a session starting at local time
    /// `start` trades for: a session opening in the afternoon or evening (FX and
    /// futures at 17:00 New York) is the next day's; one opening before noon is its own day's.
    static func tradingDay(sessionStart start: Int64) -> Int {
        let msPerDay: Int64 = 86_400_000
        var days = start / msPerDay
        var rem = start % msPerDay
        if rem < 0 {
            rem += msPerDay
            days -= 1
        }
        return Int(days) + (rem >= msPerDay / 2 ? 1 : 0)
    }
}
