/// Parses the timestamps of TradingView's exports into Unix milliseconds.
enum TVExportTime {
    /// `2022-01-03T04:00:00-0500`, `...-05:00`, `...+0000` or `...Z` to Unix ms
    /// (nil when the text is not such a timestamp).
    static func unixMs<S: StringProtocol>(_ text: S) -> Int64? {
        let s = Array(text.utf8)
        guard s.count >= 19 else { return nil }
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= s.count else { return nil }
            var value = 0
            for i in start..<(start + length) {
                let digit = Int(s[i]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2)
        else { return nil }
        var offsetSeconds = 0
        if s.count > 19 {
            let sign = s[19]
            if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                guard let oh = number(20, 2) else { return nil }
                let colon = s.count > 22 && s[22] == UInt8(ascii: ":")
                guard let om = number(colon ? 23 : 22, 2) else { return nil }
                offsetSeconds = (oh * 3600 + om * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
            } else if sign != UInt8(ascii: "Z") {
                return nil
            }
        }
        let local = daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        return Int64(local - offsetSeconds) * 1000
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
