import Foundation
import PFData
import PineLanguage

/// Calendar fields of bar times in one time zone (the chart's), as Pine's
/// `hour`, `dayofweek`, `year`... give them. UTC is pure arithmetic; other
/// zones cache the current UTC offset until the next transition, so the
/// per-bar cost stays a couple of comparisons. The chart clock also knows
/// the exchange's trading sessions (`sessionStart`, `periodKey`).
struct ZoneClock: Sendable {
    private let zone: TimeZone?
    private var cachedFrom: Int64 = .max
    private var cachedTo: Int64 = .min
    private var cachedOffsetMs: Int64 = 0
    /// The zone's name as given (`syminfo.timezone`), "UTC" when none.
    let identifier: String
    /// When the exchange's sessions start (midnight every day when unknown).
    var sessions = TradingSessions.midnight

    /// A clock for an IANA zone name or a Pine offset ("GMT+3", "UTC-5:30"); nil or
    /// "UTC" means UTC.
    init(identifier: String?) {
        self.identifier = identifier ?? "UTC"
        if let identifier, identifier != "UTC", identifier != "Etc/UTC", let tz = ZoneClock.zone(named: identifier) {
            zone = tz
        } else {
            zone = nil
        }
    }

    /// A clock for an exchange zone whose sessions start at `sessionStarts` (the
    /// symbol's weekly starts, day 0 = Monday), on a chart whose bars last `barDurationMs`.
    init(identifier: String?, sessionStarts: [SessionTime], barDurationMs: Int64) {
        self.init(identifier: identifier)
        sessions = TradingSessions(starts: sessionStarts, barDurationMs: barDurationMs)
    }

    /// A Pine time zone argument as a `TimeZone`: an IANA name, or an offset such as
    /// "GMT+3", "UTC-5:30", "+0530". Nil when unknown.
    static func zone(named name: String) -> TimeZone? {
        let text = name.trimmingCharacters(in: .whitespaces)
        if let minutes = TimestampText.zoneOffset(text.uppercased()) { return TimeZone(secondsFromGMT: minutes * 60) }
        return TimeZone(identifier: text)
    }

    /// The zone's offset from UTC at `ms`, in milliseconds.
    mutating func offset(at ms: Int64) -> Int64 {
        guard let zone else { return 0 }
        if ms >= cachedFrom && ms < cachedTo { return cachedOffsetMs }
        let date = Date(timeIntervalSince1970: Double(ms) / 1000)
        cachedOffsetMs = Int64(zone.secondsFromGMT(for: date)) * 1000
        // Valid until the next transition; from a day back is safe enough
        // only when no transition lies between, so start at ms itself.
        cachedFrom = ms
        if let next = zone.nextDaylightSavingTimeTransition(after: date) {
            cachedTo = Int64((next.timeIntervalSince1970 * 1000).rounded(.down))
        } else {
            cachedTo = .max
        }
        return cachedOffsetMs
    }

    /// The broken-down local time of `ms`.
    mutating func fields(_ ms: Int64) -> CalendarFields {
        CalendarFields(localMs: ms + offset(at: ms))
    }

    /// The local time (ms since the epoch in this zone) at which the trading session
    /// holding the bar opening at `ms` started.
    mutating func sessionStart(_ ms: Int64) -> Int64 {
        sessions.sessionStart(localMs: ms + offset(at: ms))
    }

    /// Identifies the period of `timeframe` that holds the bar opening at `ms`: two bars
    /// are in the same period exactly when their keys are equal (`timeframe.change`).
    /// Intraday periods are counted from the session's start, days are trading
    /// sessions, weeks and months those of the session's trading day.
    mutating func periodKey(_ ms: Int64, timeframe: Timeframe) -> Int64 {
        let start = sessionStart(ms)
        let n = Int64(timeframe.multiplier)
        switch timeframe.unit {
        case .seconds, .minutes:
            let local = ms + offset(at: ms)
            let length = timeframe.milliseconds
            let index = (local - start) / length
            return start + index * length
        case .days:
            let day = Int64(TradingSessions.tradingDay(sessionStart: start))
            return n == 1 ? start : Self.floorDiv(day, n)
        case .weeks:
            let day = Int64(TradingSessions.tradingDay(sessionStart: start))
            // Weeks start on Monday; 1970-01-01 was a Thursday.
            return Self.floorDiv(Self.floorDiv(day + 3, 7), n)
        case .months:
            let (y, m, _) = CalendarFields.civil(fromDays: TradingSessions.tradingDay(sessionStart: start))
            return Self.floorDiv(Int64(y * 12 + m - 1), n)
        }
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// The UTC instant of a local wall-clock time in this zone.
    mutating func timestamp(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int64 {
        let local = CalendarFields.epochMs(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        // Two passes settle the offset around a transition.
        var utc = local - offset(at: local)
        utc = local - offset(at: utc)
        return utc
    }
}
