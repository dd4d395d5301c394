import Foundation

/// A timezone naive times are read in: UTC, a fixed offset (`+05:30`,
/// `UTC-4`) or an IANA name (`Europe/Budapest`, `US/Eastern`).
public struct ZoneOffset: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case fixed(Int64)
        case named(TimeZone)
    }

    let kind: Kind
    /// The name the zone was made from.
    public let name: String

    /// UTC.
    public static let utc = ZoneOffset(kind: .fixed(0), name: "UTC")

    init(kind: Kind, name: String) {
        self.kind = kind
        self.name = name
    }

    /// Resolves a zone name: `UTC`/`GMT`/`Z`, a numeric offset (`+05:30`,
    /// `-0400`, `UTC+2`), or an IANA name.
    public init(named text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let upper = trimmed.uppercased()
        if upper.isEmpty {
            throw TimeParseError.unknownTimezone(text)
        }
        if ["UTC", "GMT", "Z", "ETC/UTC", "ETC/GMT", "UNIVERSAL", "ZULU"].contains(upper) {
            self.init(kind: .fixed(0), name: trimmed)
            return
        }
        var rest = Substring(upper)
        if rest.hasPrefix("UTC") || rest.hasPrefix("GMT") { rest = rest.dropFirst(3) }
        if let sign = rest.first, sign == "+" || sign == "-",
            let seconds = ZoneOffset.parseOffset(rest.dropFirst())
        {
            self.init(kind: .fixed(sign == "-" ? -seconds : seconds), name: trimmed)
            return
        }
        guard let zone = TimeZone(identifier: trimmed) else {
            throw TimeParseError.unknownTimezone(text)
        }
        if zone.secondsFromGMT() == 0 && zone.identifier.hasPrefix("UTC") {
            self.init(kind: .fixed(0), name: trimmed)
        } else {
            self.init(kind: .named(zone), name: trimmed)
        }
    }

    /// Parses `HH`, `HHMM`, `HH:MM`; seconds east of UTC, or nil.
    static func parseOffset(_ text: Substring) -> Int64? {
        let digits = text.filter { $0 != ":" }
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        let hours: Int64
        let minutes: Int64
        if digits.count <= 2 {
            hours = Int64(digits) ?? 99
            minutes = 0
        } else {
            let split = digits.index(digits.endIndex, offsetBy: -2)
            hours = Int64(digits[..<split]) ?? 99
            minutes = Int64(digits[split...]) ?? 99
        }
        guard hours <= 23, minutes <= 59 else { return nil }
        return (hours * 60 + minutes) * 60
    }

    /// True when this is UTC (offset zero, no daylight saving).
    public var isUTC: Bool { kind == .fixed(0) }

    /// Converts a wall-clock time in this zone (expressed as if it were UTC
    /// milliseconds) to real Unix milliseconds. In a daylight-saving gap the
    /// time is read with the offset before the change; in an overlap the
    /// earlier instant wins.
    public func utcMilliseconds(fromLocal local: Int64) -> Int64 {
        switch kind {
        case .fixed(let seconds):
            return local - seconds * 1000
        case .named(let zone):
            let guess = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local) / 1000)))
            var utc = local - guess * 1000
            let actual = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(utc) / 1000)))
            if actual != guess {
                let retry = local - actual * 1000
                let check = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(retry) / 1000)))
                if check == actual { utc = retry }
            }
            return utc
        }
    }

    /// Seconds east of UTC at a given Unix millisecond instant.
    public func secondsFromUTC(at ms: Int64) -> Int64 {
        switch kind {
        case .fixed(let seconds): return seconds
        case .named(let zone): return Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(ms) / 1000)))
        }
    }
}
