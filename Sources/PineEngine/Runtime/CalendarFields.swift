import Foundation
import PFData
import PineLanguage

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
