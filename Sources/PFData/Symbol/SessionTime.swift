/// A session start or end on a weekday (0 = Monday ... 6 = Sunday).
public struct SessionTime: Sendable, Hashable {
    public var day: Int
    public var time: TimeOfDay

    public init(day: Int, time: TimeOfDay) {
        self.day = day
        self.time = time
    }
}
