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

/// Year, month, day... of a local time given as milliseconds since the
/// epoch in that zone.
struct CalendarFields {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    /// Pine's `dayofweek`: 1 = Sunday ... 7 = Saturday.
    var dayOfWeek: Int
    /// Days since 1970-01-01 of the local date.
    var epochDay: Int

    init(localMs: Int64) {
        let msPerDay: Int64 = 86_400_000
        var days = localMs / msPerDay
        var rem = localMs % msPerDay
        if rem < 0 {
            rem += msPerDay
            days -= 1
        }
        epochDay = Int(days)
        let secs = Int(rem / 1000)
        hour = secs / 3600
        minute = (secs % 3600) / 60
        second = secs % 60
        // 1970-01-01 was a Thursday (5 in Pine's numbering).
        dayOfWeek = Int(((days % 7) + 7 + 4) % 7) + 1
        (year, month, day) = CalendarFields.civil(fromDays: Int(days))
    }

    /// ISO 8601 week number of the date (`weekofyear`).
    var weekOfYear: Int {
        // Monday-based weekday 1...7.
        let isoWeekday = dayOfWeek == 1 ? 7 : dayOfWeek - 1
        let thursday = epochDay - isoWeekday + 4
        let (thursdayYear, _, _) = CalendarFields.civil(fromDays: thursday)
        let jan1 = CalendarFields.days(fromCivil: thursdayYear, 1, 1)
        return (thursday - jan1) / 7 + 1
    }

    /// Gregorian date of a day count since 1970-01-01.
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let date = UTCCalendar.civil(days: Int64(days))
        return (Int(date.year), Int(date.month), Int(date.day))
    }

    /// Day count since 1970-01-01 of a Gregorian date.
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        Int(UTCCalendar.days(year: Int64(year), month: Int64(month), day: Int64(day)))
    }

    /// Milliseconds since the epoch of a wall-clock time (months and days
    /// out of range roll over, as Pine's `timestamp()` allows).
    /// Fields far outside any calendar are clamped (years to +-1,000,000, the others to
    /// +-10^9), so the result never overflows.
    static func epochMs(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int64 {
        @inline(__always) func clamp(_ v: Int, _ limit: Int) -> Int { max(-limit, min(limit, v)) }
        let (month, day, hour) = (clamp(month, 1_000_000_000), clamp(day, 1_000_000_000), clamp(hour, 1_000_000_000))
        let (minute, second) = (clamp(minute, 1_000_000_000), clamp(second, 1_000_000_000))
        var y = clamp(year, 1_000_000)
        var m = month - 1
        y += m >= 0 ? m / 12 : (m - 11) / 12
        m = ((m % 12) + 12) % 12
        let days = Int64(CalendarFields.days(fromCivil: y, m + 1, 1) + day - 1)
        return ((days * 24 + Int64(hour)) * 60 + Int64(minute)) * 60_000 + Int64(second) * 1000
    }
}
