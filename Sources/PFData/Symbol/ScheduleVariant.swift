/// One era of a symbol's weekly schedule, in effect from `effectiveFrom`
/// (an exchange-local date, `YYYY-MM-DD`) until the next era.
public struct ScheduleVariant: Sendable, Hashable {
    public var effectiveFrom: String
    public var openingHours: [TradingInterval]
    public var sessionStarts: [SessionTime]
    public var sessionEnds: [SessionTime]

    public init(
        effectiveFrom: String, openingHours: [TradingInterval], sessionStarts: [SessionTime],
        sessionEnds: [SessionTime]
    ) {
        self.effectiveFrom = effectiveFrom
        self.openingHours = openingHours
        self.sessionStarts = sessionStarts
        self.sessionEnds = sessionEnds
    }
}
