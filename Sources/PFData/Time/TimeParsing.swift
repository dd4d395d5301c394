/// Reads the times traders write: dates, date-times, ISO 8601 with or
/// without an offset, and Unix timestamps.
///
/// Accepted forms (all times are bar OPEN times; naive times are read in
/// the given timezone, UTC when none):
/// - `2025-01-01`, `2025/01/01`, `2025.01.01`, `20250101`, `31.12.2024`,
///   `12/31/2024` (slashes with the year last are month/day unless the first
///   number is above 12);
/// - any of those followed by `T` or spaces and `12:30`, `12:30:45` or
///   `12:30:45.250`;
/// - an offset after the time: `Z`, `+02:00`, `-0400`, `+02`, `UTC`, `GMT+2`;
/// - Unix timestamps in seconds, milliseconds, microseconds or nanoseconds,
///   told apart by magnitude (up to 11 digits are seconds, up to 14
///   milliseconds, up to 17 microseconds, more nanoseconds), with an optional
///   fraction.
public enum TimeParsing {
    /// Parses `text` to Unix milliseconds; naive times are read in `timezone`
    /// (an IANA name or offset; `nil` means UTC).
    public static func parse(_ text: String, timezone: String?) throws -> Int64 {
        let zone = try timezone.map { try ZoneOffset(named: $0) } ?? .utc
        return try parse(text, zone: zone)
    }

    /// Parses `text` to Unix milliseconds; naive times are read in `zone`.
    public static func parse(_ text: String, zone: ZoneOffset) throws -> Int64 {
        var copy = text
        let result = copy.withUTF8 { buffer -> Int64? in
            guard let base = buffer.baseAddress else { return nil }
            return parse(base, count: buffer.count, zone: zone)
        }
        guard let result else { throw TimeParseError.invalid(text) }
        return result
    }

    /// True when the text is a bare number (a Unix timestamp or compact date).
    static func isNumeric(_ p: UnsafePointer<UInt8>, count: Int) -> Bool {
        var i = 0
        var n = count
        while i < n && (p[i] == 32 || p[i] == 34) { i += 1 }
        while n > i && (p[n - 1] == 32 || p[n - 1] == 34 || p[n - 1] == 13) { n -= 1 }
        if i < n && p[i] == 45 { i += 1 }
        guard i < n else { return false }
        var sawDot = false
        while i < n {
            let c = p[i]
            if c == 46 && !sawDot {
                sawDot = true
            } else if c < 48 || c > 57 {
                return false
            }
            i += 1
        }
        return true
    }

    /// The byte-level parser behind every importer: `nil` when the bytes are
    /// not a time.
    public static func parse(_ p: UnsafePointer<UInt8>, count: Int, zone: ZoneOffset) -> Int64? {
        var i = 0
        var n = count
        // Trim spaces, tabs, quotes and a trailing carriage return.
        while i < n && (p[i] == 32 || p[i] == 9 || p[i] == 34 || p[i] == 39) { i += 1 }
        while n > i && (p[n - 1] == 32 || p[n - 1] == 9 || p[n - 1] == 34 || p[n - 1] == 39 || p[n - 1] == 13) {
            n -= 1
        }
        guard i < n else { return nil }

        if isNumeric(p + i, count: n - i) {
            return parseEpoch(p + i, count: n - i)
        }

        // Date part.
        guard let (a, aDigits, afterA) = readNumber(p, i, n), aDigits > 0 else { return nil }
        var year: Int64
        var month: Int64
        var day: Int64
        var j = afterA
        guard j < n else { return nil }
        let separator = p[j]
        guard separator == 45 || separator == 47 || separator == 46 else { return nil }
        j += 1
        guard let (b, bDigits, afterB) = readNumber(p, j, n), bDigits > 0, bDigits <= 2 else { return nil }
        j = afterB
        guard j < n, p[j] == separator else { return nil }
        j += 1
        guard let (c, cDigits, afterC) = readNumber(p, j, n), cDigits > 0 else { return nil }
        j = afterC
        if aDigits == 4 && cDigits <= 2 {
            year = a
            month = b
            day = c
        } else if cDigits == 4 && aDigits <= 2 {
            year = c
            if separator == 47 && a <= 12 {
                month = a
                day = b
            } else {
                day = a
                month = b
            }
        } else {
            return nil
        }
        guard month >= 1, month <= 12, day >= 1, day <= UTCCalendar.daysInMonth(year: year, month: month) else {
            return nil
        }

        // Optional time of day.
        var hour: Int64 = 0
        var minute: Int64 = 0
        var second: Int64 = 0
        var millis: Int64 = 0
        if j < n && (p[j] == 84 || p[j] == 116 || p[j] == 32 || p[j] == 95) {
            var k = j + 1
            while k < n && p[k] == 32 { k += 1 }
            if k < n, p[k] >= 48, p[k] <= 57 {
                guard let (h, hDigits, afterH) = readNumber(p, k, n), hDigits >= 1, hDigits <= 2,
                    afterH < n, p[afterH] == 58
                else { return nil }
                guard let (mi, miDigits, afterMi) = readNumber(p, afterH + 1, n), miDigits == 2 else { return nil }
                hour = h
                minute = mi
                k = afterMi
                if k < n && p[k] == 58 {
                    guard let (s, sDigits, afterS) = readNumber(p, k + 1, n), sDigits == 2 else { return nil }
                    second = s
                    k = afterS
                    if k < n && (p[k] == 46 || p[k] == 44) {
                        k += 1
                        var scale: Int64 = 100
                        var digits = 0
                        while k < n, p[k] >= 48, p[k] <= 57 {
                            millis += Int64(p[k] - 48) * scale
                            scale /= 10
                            digits += 1
                            k += 1
                        }
                        guard digits > 0 else { return nil }
                    }
                }
                guard hour <= 23, minute <= 59, second <= 59 else { return nil }
                // 12-hour clock suffix.
                var m = k
                while m < n && p[m] == 32 { m += 1 }
                if m + 1 < n, p[m + 1] == 77 || p[m + 1] == 109, m + 2 == n || p[m + 2] == 32 {
                    let letter = p[m] | 0x20
                    if letter == 97 || letter == 112 {
                        guard hour >= 1, hour <= 12 else { return nil }
                        if letter == 97 { hour = hour == 12 ? 0 : hour } else { hour = hour == 12 ? 12 : hour + 12 }
                        k = m + 2
                    }
                }
                j = k
            } else {
                j = k
            }
        }

        let local = UTCCalendar.milliseconds(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, millisecond: millis)

        // Optional offset.
        while j < n && p[j] == 32 { j += 1 }
        if j == n { return zone.utcMilliseconds(fromLocal: local) }
        var offsetStart = j
        if p[j] == 90 || p[j] == 122 {  // Z
            return j + 1 == n ? local : nil
        }
        if n - j >= 3 {
            let u0 = p[j] | 0x20, u1 = p[j + 1] | 0x20, u2 = p[j + 2] | 0x20
            if (u0 == 117 && u1 == 116 && u2 == 99) || (u0 == 103 && u1 == 109 && u2 == 116) {
                offsetStart = j + 3
                if offsetStart == n { return local }
            }
        }
        guard offsetStart < n, p[offsetStart] == 43 || p[offsetStart] == 45 else { return nil }
        let negative = p[offsetStart] == 45
        var digits: [UInt8] = []
        var k = offsetStart + 1
        while k < n {
            let ch = p[k]
            if ch >= 48 && ch <= 57 {
                digits.append(ch - 48)
            } else if ch != 58 {
                return nil
            }
            k += 1
        }
        let offsetHours: Int64
        let offsetMinutes: Int64
        switch digits.count {
        case 1: offsetHours = Int64(digits[0]); offsetMinutes = 0
        case 2: offsetHours = Int64(digits[0]) * 10 + Int64(digits[1]); offsetMinutes = 0
        case 4:
            offsetHours = Int64(digits[0]) * 10 + Int64(digits[1])
            offsetMinutes = Int64(digits[2]) * 10 + Int64(digits[3])
        default: return nil
        }
        guard offsetHours <= 23, offsetMinutes <= 59 else { return nil }
        let offset = (offsetHours * 60 + offsetMinutes) * 60_000
        return negative ? local + offset : local - offset
    }

    /// Reads up to 9 decimal digits from `i`; returns value, digit count, next index.
    @inline(__always)
    static func readNumber(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (Int64, Int, Int)? {
        var k = i
        var value: Int64 = 0
        while k < n, p[k] >= 48, p[k] <= 57 {
            value = value * 10 + Int64(p[k] - 48)
            k += 1
            if k - i > 9 { return nil }
        }
        return (value, k - i, k)
    }

    /// A bare number: a compact `YYYYMMDD` date or a Unix timestamp.
    static func parseEpoch(_ p: UnsafePointer<UInt8>, count n: Int) -> Int64? {
        var i = 0
        var negative = false
        if p[0] == 45 {
            negative = true
            i = 1
        }
        var integer: Int64 = 0
        var intDigits = 0
        while i < n, p[i] != 46 {
            guard intDigits < 19 else { return nil }
            integer = integer &* 10 &+ Int64(p[i] - 48)
            intDigits += 1
            i += 1
        }
        var fraction = 0.0
        if i < n {
            var scale = 0.1
            i += 1
            while i < n {
                fraction += Double(p[i] - 48) * scale
                scale /= 10
                i += 1
            }
        }
        guard intDigits > 0 else { return nil }
        if !negative && intDigits == 8 && fraction == 0 {
            let year = integer / 10_000
            let month = (integer / 100) % 100
            let day = integer % 100
            if year >= 1900, year <= 2200, month >= 1, month <= 12, day >= 1,
                day <= UTCCalendar.daysInMonth(year: year, month: month)
            {
                return UTCCalendar.milliseconds(year: year, month: month, day: day)
            }
        }
        let ms: Int64
        switch intDigits {
        case ...11: ms = integer * 1000 + Int64((fraction * 1000).rounded())
        case 12...14: ms = integer + Int64(fraction.rounded(.down))
        case 15...17: ms = integer / 1000
        default: ms = integer / 1_000_000
        }
        return negative ? -ms : ms
    }
}
