import PFData

/// A walk-forward window length: a calendar duration or a number of bars.
public enum WindowLength: Sendable, Equatable, CustomStringConvertible {
    case hours(Int)
    case days(Int)
    case weeks(Int)
    case months(Int)
    case years(Int)
    case bars(Int)

    /// Parses "120d", "4w", "6M", "1y", "12h" or "5000 bars".
    public init?(parsing text: String) {
        let t = text.trimmingSpaces()
        let lower = t.lowercased()
        for suffix in [" bars", " bar", "bars", "bar"] where lower.hasSuffix(suffix) {
            guard let n = Int(t.dropLast(suffix.count).trimmingSpaces()), n >= 0 else { return nil }
            self = .bars(n)
            return
        }
        guard let unit = t.last, let n = Int(t.dropLast().trimmingSpaces()), n >= 0 else { return nil }
        switch unit {
        case "h": self = .hours(n)
        case "d", "D": self = .days(n)
        case "w", "W": self = .weeks(n)
        case "M": self = .months(n)
        case "y", "Y": self = .years(n)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .hours(let n): return "\(n)h"
        case .days(let n): return "\(n)d"
        case .weeks(let n): return "\(n)w"
        case .months(let n): return "\(n)M"
        case .years(let n): return "\(n)y"
        case .bars(let n): return "\(n) bars"
        }
    }

    /// True for a zero length.
    public var isZero: Bool {
        switch self {
        case .hours(let n), .days(let n), .weeks(let n), .months(let n), .years(let n), .bars(let n): return n == 0
        }
    }

    /// The time `count` lengths after (or before, when `count` is negative)
    /// `time`. Bar lengths count bars of `barTimes` (the bar at or after
    /// `time` is bar 0); nil when that leaves the data.
    public func advance(_ time: Int64, by count: Int = 1, barTimes: [Int64]) -> Int64? {
        let hour: Int64 = 3_600_000
        switch self {
        case .hours(let n): return time + Int64(n * count) * hour
        case .days(let n): return time + Int64(n * count) * UTCCalendar.dayMilliseconds
        case .weeks(let n): return time + Int64(n * count * 7) * UTCCalendar.dayMilliseconds
        case .months(let n): return Self.addMonths(time, n * count)
        case .years(let n): return Self.addMonths(time, 12 * n * count)
        case .bars(let n):
            let start = Self.firstIndex(atOrAfter: time, in: barTimes)
            let target = start + n * count
            if target >= 0 && target < barTimes.count { return barTimes[target] }
            if target == barTimes.count, let last = barTimes.last {
                // One past the last bar: the last bar's close.
                let interval = barTimes.count > 1 ? last - barTimes[barTimes.count - 2] : 0
                return last + interval
            }
            return nil
        }
    }

    /// The index of the first bar at or after `time` (`barTimes.count` when none).
    static func firstIndex(atOrAfter time: Int64, in barTimes: [Int64]) -> Int {
        var lo = 0
        var hi = barTimes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if barTimes[mid] < time { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Adds calendar months, clamping the day to the month's length.
    static func addMonths(_ time: Int64, _ months: Int) -> Int64 {
        let day = UTCCalendar.dayNumber(ofMilliseconds: time)
        let rest = time - day * UTCCalendar.dayMilliseconds
        let (y, m, d) = UTCCalendar.civil(days: day)
        let total = y * 12 + (m - 1) + Int64(months)
        let ny = UTCCalendar.floorDiv(total, 12)
        let nm = UTCCalendar.floorMod(total, 12) + 1
        let nd = min(d, UTCCalendar.daysInMonth(year: ny, month: nm))
        return UTCCalendar.days(year: ny, month: nm, day: nd) * UTCCalendar.dayMilliseconds + rest
    }
}
