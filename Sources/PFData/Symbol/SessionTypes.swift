/// A time of day, to the second, as PyneCore's TOML writes it (`"17:05:00"`).
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since midnight, 0 ..< 86,400.
    public let secondsSinceMidnight: Int

    /// Creates a time of day; `nil` outside 00:00:00 ... 23:59:59.
    public init?(hour: Int, minute: Int, second: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        secondsSinceMidnight = (hour * 60 + minute) * 60 + second
    }

    /// Parses `HH:MM:SS` or `HH:MM`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
            parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let h = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        let s = parts.count == 3 ? Int(parts[2]) ?? -1 : 0
        self.init(hour: h, minute: m, second: s)
    }

    /// Midnight.
    public static let midnight = TimeOfDay(secondsSinceMidnight: 0)

    init(secondsSinceMidnight: Int) { self.secondsSinceMidnight = secondsSinceMidnight }

    public var hour: Int { secondsSinceMidnight / 3600 }
    public var minute: Int { secondsSinceMidnight / 60 % 60 }
    public var second: Int { secondsSinceMidnight % 60 }

    /// `HH:MM:SS`.
    public var description: String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(two(hour)):\(two(minute)):\(two(second))"
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.secondsSinceMidnight < rhs.secondsSinceMidnight
    }
}

/// One trading interval of a weekday, in the symbol's timezone. An `end` of
/// 00:00:00 means the end of the day (midnight after `start`).
public struct TradingInterval: Sendable, Hashable {
    /// Weekday: 0 = Monday ... 6 = Sunday (PyneCore's convention).
    public var day: Int
    public var start: TimeOfDay
    public var end: TimeOfDay

    public init(day: Int, start: TimeOfDay, end: TimeOfDay) {
        self.day = day
        self.start = start
        self.end = end
    }
}

/// A session start or end on a weekday (0 = Monday ... 6 = Sunday).
public struct SessionTime: Sendable, Hashable {
    public var day: Int
    public var time: TimeOfDay

    public init(day: Int, time: TimeOfDay) {
        self.day = day
        self.time = time
    }
}

/// One era of a symbol's weekly schedule, in effect from `effectiveFrom`
/// (an exchange-local date, `YYYY-MM-DD`) until the next era.
public struct ScheduleVariant: Sendable, Hashable {
    public var effectiveFrom: String
    public var openingHours: [TradingInterval]
    public var sessionStarts: [SessionTime]
    public var sessionEnds: [SessionTime]

    public init(
        effectiveFrom: String, openingHours: [TradingInterval], sessionStarts: [SessionTime],
        sessionEnds: [SessionTime]
    ) {
        self.effectiveFrom = effectiveFrom
        self.openingHours = openingHours
        self.sessionStarts = sessionStarts
        self.sessionEnds = sessionEnds
    }
}

/// Dates (exchange-local, `YYYY-MM-DD`) whose hours differ from the weekly
/// schedule; empty `openingHours` means the market was closed.
public struct SessionCorrection: Sendable, Hashable {
    public var dates: [String]
    /// (start, end) pairs that replace the weekday's hours on those dates.
    public var openingHours: [ClockRange]

    public init(dates: [String], openingHours: [ClockRange]) {
        self.dates = dates
        self.openingHours = openingHours
    }
}

/// A start/end pair of times of day.
public struct ClockRange: Sendable, Hashable {
    public var start: TimeOfDay
    public var end: TimeOfDay

    public init(start: TimeOfDay, end: TimeOfDay) {
        self.start = start
        self.end = end
    }
}
