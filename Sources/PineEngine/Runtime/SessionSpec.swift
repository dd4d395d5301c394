import Foundation

/// A Pine session string such as `"0930-1600"`, `"0930-1200,1300-1600:23456"` or `"1700-1600:23456"`:
/// time ranges of the day (start inclusive, end exclusive) on some days of the week (digits,
/// 1 = Sunday ... 7 = Saturday; all days when omitted). A range that ends at or before it
/// starts runs overnight and belongs to the day it ends on, as TradingView counts it;
/// `"0000-0000"` is the whole day; `""` and `"24x7"` are always open.
struct SessionSpec: Equatable {
    struct Range: Equatable {
        /// Minutes after midnight.
        var start: Int
        var end: Int
    }

    var ranges: [Range]
    /// Open days, indexed 1...7 (1 = Sunday).
    var days: [Bool]

    /// Always open.
    static let always = SessionSpec(ranges: [], days: Array(repeating: true, count: 8))

    /// Parses a session string; nil when it is not one.
    static func parse(_ text: String) -> SessionSpec? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.lowercased() == "24x7" { return .always }
        let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        var days = Array(repeating: parts.count == 1, count: 8)
        if parts.count == 2 {
            guard !parts[1].isEmpty else { return nil }
            for ch in parts[1] {
                guard let d = ch.wholeNumberValue, (1...7).contains(d) else { return nil }
                days[d] = true
            }
        }
        var ranges: [Range] = []
        for item in parts[0].split(separator: ",", omittingEmptySubsequences: false) {
            let ends = item.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count == 2, let start = minutes(ends[0]), let end = minutes(ends[1]) else { return nil }
            ranges.append(Range(start: start, end: end))
        }
        return SessionSpec(ranges: ranges, days: days)
    }

    /// `HHMM` as minutes after midnight.
    private static func minutes(_ text: Substring) -> Int? {
        guard text.count == 4, text.allSatisfy(\.isASCII), let value = Int(text) else { return nil }
        let h = value / 100
        let m = value % 100
        guard h <= 24, m < 60, h * 60 + m <= 1440 else { return nil }
        return h * 60 + m
    }

    /// True when a bar opening at `minute` (after local midnight) on `dayOfWeek`
    /// (1 = Sunday) is inside the session.
    func contains(minute: Int, dayOfWeek: Int) -> Bool {
        if ranges.isEmpty { return true }
        let next = dayOfWeek == 7 ? 1 : dayOfWeek + 1
        for r in ranges {
            if r.start < r.end {
                if minute >= r.start && minute < r.end && days[dayOfWeek] { return true }
            } else if r.start == r.end || (r.start == 0 && r.end == 1440) {
                if days[dayOfWeek] { return true }
            } else {
                // Overnight: the evening part belongs to the next day's session.
                if minute >= r.start && days[next] { return true }
                if minute < r.end && days[dayOfWeek] { return true }
            }
        }
        return false
    }
}
