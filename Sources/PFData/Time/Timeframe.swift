import Foundation

/// A TradingView timeframe such as `"30S"`, `"1"`, `"15"`, `"60"`, `"240"`,
/// `"1D"`, `"1W"` or `"1M"`.
///
/// Minutes are written as bare numbers (`"60"` is one hour), seconds end in
/// `S`, and days, weeks and months in `D`, `W` and `M`; a missing multiplier
/// means 1 (`"D"` is `"1D"`). The description is always the canonical
/// TradingView string.
public struct Timeframe: Sendable, Hashable, CustomStringConvertible, Comparable {
    /// The unit a timeframe counts.
    public enum Unit: Sendable, Hashable, Comparable {
        case seconds
        case minutes
        case days
        case weeks
        case months
    }

    /// How many units one bar spans (at least 1).
    public let multiplier: Int
    /// The unit of the timeframe.
    public let unit: Unit

    /// Creates a timeframe from its parts; `nil` when `multiplier` is not positive.
    public init?(multiplier: Int, unit: Unit) {
        guard multiplier > 0, multiplier <= 1_000_000 else { return nil }
        self.multiplier = multiplier
        self.unit = unit
    }

    /// Parses a TradingView timeframe string (case-insensitive for the unit letter).
    ///
    /// Also accepts the common suffixes `H` (hours, `"4H"` is `"240"`) and
    /// `MIN`/`T` for minutes.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw TimeframeError.invalid(text) }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        let suffix = trimmed.dropFirst(digits.count)
        let count: Int
        if digits.isEmpty {
            count = 1
        } else if let value = Int(digits), value > 0, value <= 1_000_000 {
            count = value
        } else {
            throw TimeframeError.invalid(text)
        }
        let unit: Unit
        var multiplier = count
        switch suffix {
        case "":
            guard !digits.isEmpty else { throw TimeframeError.invalid(text) }
            unit = .minutes
        case "S", "s": unit = .seconds
        case "D", "d": unit = .days
        case "W", "w": unit = .weeks
        case "M": unit = .months
        case "H", "h":
            unit = .minutes
            multiplier = count * 60
        case "min", "MIN", "Min", "T", "m": unit = .minutes
        default: throw TimeframeError.invalid(text)
        }
        guard let made = Timeframe(multiplier: multiplier, unit: unit) else {
            throw TimeframeError.invalid(text)
        }
        self = made
    }

    /// Parses a TradingView timeframe string, or returns `nil` when it is not one.
    public init?(_ text: String) {
        guard let made = try? Timeframe(parsing: text) else { return nil }
        self = made
    }

    /// The timeframe whose nominal length is exactly `seconds`, as detected from
    /// bar spacing: whole weeks -> W, whole days -> D, whole minutes -> minutes,
    /// anything else -> seconds. `nil` for a non-positive length.
    ///
    /// Months are never produced here; spacing of 28-31 days is recognised by
    /// ``detect(fromSpacings:)``.
    public init?(seconds: Int64) {
        guard seconds > 0, seconds <= Int64(Int32.max) else { return nil }
        let made: Timeframe?
        if seconds % 604_800 == 0 {
            made = Timeframe(multiplier: Int(seconds / 604_800), unit: .weeks)
        } else if seconds % 86_400 == 0 {
            made = Timeframe(multiplier: Int(seconds / 86_400), unit: .days)
        } else if seconds % 60 == 0 {
            made = Timeframe(multiplier: Int(seconds / 60), unit: .minutes)
        } else {
            made = Timeframe(multiplier: Int(seconds), unit: .seconds)
        }
        guard let made else { return nil }
        self = made
    }

    /// The canonical TradingView string: `"30S"`, `"15"`, `"240"`, `"1D"`, `"1W"`, `"1M"`.
    public var description: String {
        switch unit {
        case .seconds: return "\(multiplier)S"
        case .minutes: return "\(multiplier)"
        case .days: return "\(multiplier)D"
        case .weeks: return "\(multiplier)W"
        case .months: return "\(multiplier)M"
        }
    }

    /// The nominal length in seconds. A month counts as 30 days; use calendar
    /// arithmetic (``bucketStart(ofMilliseconds:)``) wherever exactness matters.
    public var seconds: Int64 {
        let m = Int64(multiplier)
        switch unit {
        case .seconds: return m
        case .minutes: return m * 60
        case .days: return m * 86_400
        case .weeks: return m * 604_800
        case .months: return m * 30 * 86_400
        }
    }

    /// The nominal length in milliseconds (see ``seconds``).
    public var milliseconds: Int64 { seconds * 1000 }

    /// True for seconds and minutes timeframes (below one day).
    public var isIntraday: Bool { unit == .seconds || unit == .minutes }
    /// True for seconds timeframes.
    public var isSeconds: Bool { unit == .seconds }
    /// True for minutes timeframes (including hours such as `"60"`).
    public var isMinutes: Bool { unit == .minutes }
    /// True for day timeframes.
    public var isDaily: Bool { unit == .days }
    /// True for week timeframes.
    public var isWeekly: Bool { unit == .weeks }
    /// True for month timeframes.
    public var isMonthly: Bool { unit == .months }

    /// True when the timeframe has a fixed length in milliseconds (all but months).
    public var hasFixedLength: Bool { unit != .months }

    /// Orders timeframes by nominal length (months count 30 days).
    public static func < (lhs: Timeframe, rhs: Timeframe) -> Bool {
        if lhs.seconds != rhs.seconds { return lhs.seconds < rhs.seconds }
        return lhs.unit < rhs.unit
    }
}
