/// One trading interval of a weekday, in the symbol's timezone. An `end` of
/// 00:00:00 means the end of the day (midnight after `start`).
public struct TradingInterval: Sendable, Hashable {
    /// Weekday: 0 = Monday ... 6 = Sunday (the symbol file's convention).
    public var day: Int
    public var start: TimeOfDay
    public var end: TimeOfDay

    public init(day: Int, start: TimeOfDay, end: TimeOfDay) {
        self.day = day
        self.start = start
        self.end = end
    }
}
