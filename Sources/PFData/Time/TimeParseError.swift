/// A time or timezone that could not be read.
public enum TimeParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not a date, date-time or Unix timestamp.
    case invalid(String)
    /// The timezone name is not known.
    case unknownTimezone(String)

    public var description: String {
        switch self {
        case .invalid(let text):
            return "cannot read \"\(text)\" as a time: use 2025-01-01, 2025-01-01 12:30, 2025-01-01T00:00:00Z or a Unix timestamp"
        case .unknownTimezone(let text):
            return "unknown timezone \"\(text)\": use UTC, an offset such as +02:00, or an IANA name such as Europe/London"
        }
    }
}
