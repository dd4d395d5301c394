import PFData

/// The date strings and zone offsets Pine's `timestamp()` accepts, shared by the checker
/// (constant `input.time` defaults) and the engine (`timestamp(dateString)`, time zone
/// arguments).
///
/// Dates are RFC 2822 style ("20 Feb 2020 15:30 +0200", "Feb 01 2020 22:10:05",
/// "Mon, 04 Dec 1995 00:12:00 GMT+5") or ISO 8601 style ("2020-02-20", "2011-10-10T14:48:00",
/// "2020-02-02T10:10:05+0000", "2024-03-01 12:30 +0200"). A missing time is 00:00:00 and a
/// missing zone is UTC (GMT+0), as TradingView documents.
public enum TimestampText {
    /// Year, month, day, hour, minute, second within calendar bounds (no overflow later).
    static func inRange(_ p: [Int]) -> Bool {
        p.count == 6 && (-100_000...100_000).contains(p[0]) && (1...12).contains(p[1]) && (1...31).contains(p[2])
            && (0...24).contains(p[3]) && (0...59).contains(p[4]) && (0...60).contains(p[5])
    }

    static func millis(_ y: Int, _ m: Int, _ d: Int, _ hh: Int, _ mm: Int, _ ss: Int) -> Int {
        Int(
            UTCCalendar.milliseconds(
                year: Int64(y), month: Int64(m), day: Int64(d), hour: Int64(hh), minute: Int64(mm), second: Int64(ss)))
    }

    /// Minutes east of UTC of a zone offset: `+0300`, `-05:30`, `+3`, `GMT+3`, `UTC-5`,
    /// `UTC`, `GMT`, `Z`. Nil for anything else (IANA names included).
    public static func zoneOffset(_ text: String) -> Int? {
        var s = Substring(text)
        if s == "UTC" || s == "GMT" || s == "Z" { return 0 }
        if s.hasPrefix("GMT") || s.hasPrefix("UTC") { s = s.dropFirst(3) }
        guard let sign = s.first, sign == "+" || sign == "-" else { return nil }
        let body = s.dropFirst()
        let digits = body.filter { $0 != ":" }
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
            let value = Int(digits)
        else { return nil }
        var hours = value
        var minutes = 0
        if let colon = body.firstIndex(of: ":") {
            guard let h = Int(body[..<colon]), let m = Int(body[body.index(after: colon)...]) else { return nil }
            (hours, minutes) = (h, m)
        } else if digits.count > 2 {
            (hours, minutes) = (value / 100, value % 100)
        }
        guard hours <= 14, minutes < 60 else { return nil }
        let total = hours * 60 + minutes
        return sign == "+" ? total : -total
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Unix milliseconds of a date string, or nil when it is not one Pine accepts.
    public static func parse(_ text: String) -> Int? {
        var tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
        guard !tokens.isEmpty else { return nil }
        if let weekday = tokens.first?.lowercased(), weekday.count >= 3, weekday.allSatisfy(\.isLetter),
            weekdays.contains(String(weekday.prefix(3)))
        {
            tokens.removeFirst()
        }
        // An ISO date carries its time after a "T": "2011-10-10T14:48:00".
        if let first = tokens.first, first.contains("-"), let t = first.firstIndex(of: "T") {
            tokens[0] = String(first[..<t])
            tokens.insert(String(first[first.index(after: t)...]), at: 1)
        }
        guard !tokens.isEmpty else { return nil }
        var y = 0, m = 0, d = 0, hh = 0, mm = 0, ss = 0, zone = 0
        var rest = tokens[...]
        let dateParts = tokens[0].split(separator: "-")
        if dateParts.count == 3, let a = Int(dateParts[0]), let b = Int(dateParts[1]), let c = Int(dateParts[2]) {
            (y, m, d) = (a, b, c)
            rest = tokens.dropFirst()
        } else if tokens.count >= 3, let day = Int(tokens[0]), let month = monthIndex(tokens[1]), let year = Int(tokens[2]) {
            (y, m, d) = (year, month + 1, day)
            rest = tokens.dropFirst(3)
        } else if tokens.count >= 3, let month = monthIndex(tokens[0]), let day = Int(tokens[1]), let year = Int(tokens[2]) {
            (y, m, d) = (year, month + 1, day)
            rest = tokens.dropFirst(3)
        } else {
            return nil
        }
        if let time = rest.first, time.contains(":"), !time.hasPrefix("+"), !time.hasPrefix("-") {
            var clock = Substring(time)
            // A zone glued to the time: "10:10:05+0000", "14:48:00Z".
            if let cut = clock.firstIndex(where: { $0 == "+" || $0 == "-" || $0 == "Z" }) {
                guard let offset = zoneOffset(String(clock[cut...])) else { return nil }
                zone = offset
                clock = clock[..<cut]
            }
            let parts = clock.split(separator: ":").map { Int($0) }
            guard parts.count >= 2, parts.count <= 3, parts.allSatisfy({ $0 != nil }) else { return nil }
            hh = parts[0] ?? 0
            mm = parts[1] ?? 0
            ss = parts.count > 2 ? parts[2] ?? 0 : 0
            rest = rest.dropFirst()
        }
        if let z = rest.first {
            guard rest.count == 1, let offset = zoneOffset(z) else { return nil }
            zone = offset
        }
        guard inRange([y, m, d, hh, mm, ss]) else { return nil }
        return millis(y, m, d, hh, mm, ss) - zone * 60_000
    }

    private static func monthIndex(_ token: String) -> Int? {
        let t = token.lowercased()
        guard t.count >= 3, t.allSatisfy(\.isLetter) else { return nil }
        return months.firstIndex(of: String(t.prefix(3)))
    }
}
