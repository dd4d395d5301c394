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
