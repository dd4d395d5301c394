extension Timeframe {
    /// The start of the bar of this timeframe that contains `ms` (Unix milliseconds).
    ///
    /// Seconds and minutes are aligned to the UTC epoch, days to UTC midnight
    /// (multi-day bars counted from 1970-01-01), weeks to Monday 00:00 UTC
    /// (counted from Monday 1969-12-29) and months to the first of a UTC month
    /// (multi-month bars counted from January of year 0).
    public func bucketStart(ofMilliseconds ms: Int64) -> Int64 {
        let m = Int64(multiplier)
        switch unit {
        case .seconds, .minutes:
            let length = milliseconds
            return UTCCalendar.floorDiv(ms, length) * length
        case .days:
            let day = UTCCalendar.dayNumber(ofMilliseconds: ms)
            return UTCCalendar.floorDiv(day, m) * m * UTCCalendar.dayMilliseconds
        case .weeks:
            // Day -3 (1969-12-29) is a Monday.
            let day = UTCCalendar.dayNumber(ofMilliseconds: ms) + 3
            let week = UTCCalendar.floorDiv(day, 7 * m) * 7 * m
            return (week - 3) * UTCCalendar.dayMilliseconds
        case .months:
            let day = UTCCalendar.dayNumber(ofMilliseconds: ms)
            let (year, month, _) = UTCCalendar.civil(days: day)
            let index = UTCCalendar.floorDiv(year * 12 + (month - 1), m) * m
            let startYear = UTCCalendar.floorDiv(index, 12)
            let startMonth = index - startYear * 12 + 1
            return UTCCalendar.days(year: startYear, month: startMonth, day: 1) * UTCCalendar.dayMilliseconds
        }
    }

    /// The end (exclusive) of the bar of this timeframe that starts at `start`,
    /// which must be a value ``bucketStart(ofMilliseconds:)`` returned.
    public func bucketEnd(startingAt start: Int64) -> Int64 {
        switch unit {
        case .seconds, .minutes, .days, .weeks:
            return start + milliseconds
        case .months:
            let day = UTCCalendar.dayNumber(ofMilliseconds: start)
            let (year, month, _) = UTCCalendar.civil(days: day)
            let index = year * 12 + (month - 1) + Int64(multiplier)
            let endYear = UTCCalendar.floorDiv(index, 12)
            let endMonth = index - endYear * 12 + 1
            return UTCCalendar.days(year: endYear, month: endMonth, day: 1) * UTCCalendar.dayMilliseconds
        }
    }

    /// The end (exclusive) of a bar of this timeframe that opened at `time`:
    /// `time` plus the length for fixed-length timeframes, the next calendar
    /// boundary for months.
    public func barEnd(openedAt time: Int64) -> Int64 {
        hasFixedLength ? time + milliseconds : bucketEnd(startingAt: bucketStart(ofMilliseconds: time))
    }
}
