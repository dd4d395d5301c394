import TOMLKit

/// Strict field access over TOMLKit tables, with errors naming the key.
struct TOMLFields {
    let file: String

    func value(_ table: TOMLTable, _ key: String, in section: String) throws -> TOMLValueConvertible {
        guard let value = table[key] else {
            throw SymbolInfoError.missingKey(file: file, key: "\(section).\(key)")
        }
        return value
    }

    func string(_ table: TOMLTable, _ key: String, in section: String) throws -> String {
        guard let text = try value(table, key, in: section).string else {
            throw SymbolInfoError.wrongType(file: file, key: "\(section).\(key)", expected: "a string")
        }
        return text
    }

    func optionalString(_ table: TOMLTable, _ key: String, in section: String) throws -> String? {
        guard table[key] != nil else { return nil }
        return try string(table, key, in: section)
    }

    func double(_ table: TOMLTable, _ key: String, in section: String) throws -> Double {
        let raw = try value(table, key, in: section)
        if let v = raw.double, v.isFinite { return v }
        if let v = raw.int { return Double(v) }
        throw SymbolInfoError.wrongType(file: file, key: "\(section).\(key)", expected: "a number")
    }

    func optionalDouble(_ table: TOMLTable, _ key: String, in section: String) throws -> Double? {
        guard table[key] != nil else { return nil }
        return try double(table, key, in: section)
    }

    func int(_ table: TOMLTable, _ key: String, in section: String) throws -> Int {
        let raw = try value(table, key, in: section)
        if let v = raw.int { return v }
        if let v = raw.double, v.isFinite, v == v.rounded(), abs(v) < 1e15 { return Int(v) }
        throw SymbolInfoError.wrongType(file: file, key: "\(section).\(key)", expected: "a whole number")
    }

    func optionalInt(_ table: TOMLTable, _ key: String, in section: String) throws -> Int? {
        guard table[key] != nil else { return nil }
        return try int(table, key, in: section)
    }

    func time(_ table: TOMLTable, _ key: String, in section: String) throws -> TimeOfDay {
        let raw = try value(table, key, in: section)
        if let text = raw.string, let t = TimeOfDay(text) { return t }
        if let t = raw.time, let made = TimeOfDay(hour: Int(t.hour), minute: Int(t.minute), second: Int(t.second)) {
            return made
        }
        throw SymbolInfoError.wrongType(file: file, key: "\(section).\(key)", expected: "a time \"HH:MM:SS\"")
    }

    func day(_ table: TOMLTable, in section: String) throws -> Int {
        let raw = try value(table, "day", in: section)
        guard let d = raw.int else {
            throw SymbolInfoError.wrongType(file: file, key: "\(section).day", expected: "a whole number")
        }
        guard (0...6).contains(d) else {
            throw SymbolInfoError.invalidValue(
                file: file, key: "\(section).day", reason: "must be 0 (Monday) ... 6 (Sunday), not \(d)")
        }
        return d
    }

    func tables(_ raw: TOMLValueConvertible?, key: String) throws -> [TOMLTable] {
        guard let raw else { return [] }
        guard let array = raw.array else {
            throw SymbolInfoError.wrongType(file: file, key: key, expected: "an array of tables ([[\(key)]])")
        }
        var result: [TOMLTable] = []
        for element in array {
            guard let table = element.table else {
                throw SymbolInfoError.wrongType(file: file, key: key, expected: "an array of tables ([[\(key)]])")
            }
            result.append(table)
        }
        return result
    }

    func checkKeys(_ table: TOMLTable, allowed: Set<String>, in section: String) throws {
        for key in table.keys where !allowed.contains(key) {
            throw SymbolInfoError.unknownKey(file: file, key: "\(section).\(key)")
        }
    }

    func intervals(_ raw: TOMLValueConvertible?, key: String) throws -> [TradingInterval] {
        try tables(raw, key: key).map { table in
            try checkKeys(table, allowed: ["day", "start", "end"], in: key)
            return TradingInterval(
                day: try day(table, in: key), start: try time(table, "start", in: key),
                end: try time(table, "end", in: key))
        }
    }

    func sessionTimes(_ raw: TOMLValueConvertible?, key: String) throws -> [SessionTime] {
        try tables(raw, key: key).map { table in
            try checkKeys(table, allowed: ["day", "time"], in: key)
            return SessionTime(day: try day(table, in: key), time: try time(table, "time", in: key))
        }
    }

    func dateText(_ raw: TOMLValueConvertible, key: String) throws -> String {
        if let d = raw.date {
            return UTCCalendar.pad(Int64(d.year), 4) + "-" + UTCCalendar.pad(Int64(d.month), 2) + "-"
                + UTCCalendar.pad(Int64(d.day), 2)
        }
        if let text = raw.string, text.count >= 10 {
            let day = String(text.prefix(10))
            if (try? TimeParsing.parse(day, zone: .utc)) != nil { return day }
        }
        throw SymbolInfoError.wrongType(file: file, key: key, expected: "a date YYYY-MM-DD")
    }

    func corrections(_ raw: TOMLValueConvertible?, key: String) throws -> [SessionCorrection] {
        try tables(raw, key: key).map { table in
            try checkKeys(table, allowed: ["dates", "opening_hours"], in: key)
            var dates: [String] = []
            if let list = table["dates"] {
                guard let array = list.array else {
                    throw SymbolInfoError.wrongType(file: file, key: "\(key).dates", expected: "an array of dates")
                }
                for element in array { dates.append(try dateText(element, key: "\(key).dates")) }
            }
            let hours = try tables(table["opening_hours"], key: "\(key).opening_hours").map { hour in
                try checkKeys(hour, allowed: ["start", "end"], in: "\(key).opening_hours")
                return ClockRange(
                    start: try time(hour, "start", in: "\(key).opening_hours"),
                    end: try time(hour, "end", in: "\(key).opening_hours"))
            }
            return SessionCorrection(dates: dates, openingHours: hours)
        }
    }

    func schedules(_ raw: TOMLValueConvertible?) throws -> [ScheduleVariant] {
        let key = "session_schedules"
        let variants = try tables(raw, key: key).map { table in
            try checkKeys(
                table, allowed: ["effective_from", "opening_hours", "session_starts", "session_ends"], in: key)
            let from = try dateText(try value(table, "effective_from", in: key), key: "\(key).effective_from")
            return ScheduleVariant(
                effectiveFrom: from,
                openingHours: try intervals(table["opening_hours"], key: "\(key).opening_hours"),
                sessionStarts: try sessionTimes(table["session_starts"], key: "\(key).session_starts"),
                sessionEnds: try sessionTimes(table["session_ends"], key: "\(key).session_ends"))
        }
        return variants.sorted { $0.effectiveFrom < $1.effectiveFrom }
    }
}
