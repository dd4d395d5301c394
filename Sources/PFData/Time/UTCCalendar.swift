/// Proleptic Gregorian calendar arithmetic on Unix time, in UTC, with no
/// Foundation calendar objects on the hot path.
public enum UTCCalendar {
    /// Milliseconds in one day.
    public static let dayMilliseconds: Int64 = 86_400_000

    /// Days since 1970-01-01 of a civil date (month 1...12, day 1...31).
    public static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day number (days since 1970-01-01).
    public static func civil(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// Unix milliseconds of a UTC civil date and time of day.
    public static func milliseconds(
        year: Int64, month: Int64, day: Int64, hour: Int64 = 0, minute: Int64 = 0,
        second: Int64 = 0, millisecond: Int64 = 0
    ) -> Int64 {
        let d = days(year: year, month: month, day: day)
        return d * dayMilliseconds + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond
    }

    /// Day number (days since 1970-01-01) of a Unix millisecond time.
    public static func dayNumber(ofMilliseconds ms: Int64) -> Int64 {
        floorDiv(ms, dayMilliseconds)
    }

    /// ISO weekday of a day number: 0 = Monday ... 6 = Sunday.
    public static func weekday(days: Int64) -> Int64 {
        floorMod(days + 3, 7)
    }

    /// Days in a month of a year.
    public static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// An ISO 8601 UTC rendering of Unix milliseconds: `2025-01-01T00:00:00Z`
    /// (with `.sss` when the time has milliseconds).
    public static func isoString(milliseconds ms: Int64) -> String {
        let d = dayNumber(ofMilliseconds: ms)
        let (y, m, day) = civil(days: d)
        let rest = ms - d * dayMilliseconds
        let h = rest / 3_600_000
        let mi = (rest / 60_000) % 60
        let s = (rest / 1000) % 60
        let frac = rest % 1000
        var text = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(day, 2) + "T" + pad(h, 2) + ":" + pad(mi, 2) + ":"
            + pad(s, 2)
        if frac != 0 { text += "." + pad(frac, 3) }
        return text + "Z"
    }

    static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(abs(value))
        let sign = value < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Floor division (rounds toward negative infinity).
    @inline(__always)
    public static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q
    }

    /// The non-negative remainder of a floor division.
    @inline(__always)
    public static func floorMod(_ a: Int64, _ b: Int64) -> Int64 {
        a - floorDiv(a, b) * b
    }
}
