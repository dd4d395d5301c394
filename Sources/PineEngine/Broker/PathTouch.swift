/// The order touched first along a path segment.
struct PathTouch {
    var orderIndex: Int
    var leg: TouchLeg
    /// The level as given.
    var level: Double
    /// The level snapped to the tick grid in the trader's disfavour.
    var fillPrice: Double
    var isStop: Bool
    /// How far along the segment the level lies (0: at its start).
    var distance: Double
    /// True when the segment starts at or beyond the level.
    var immediate: Bool
    var sequence: Int
    /// True when the level triggers from below (a buy stop, a sell limit).
    var buys: Bool
}
