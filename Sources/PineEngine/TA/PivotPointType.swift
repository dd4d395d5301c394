/// The pivot point systems of `ta.pivot_point_levels(type, anchor, developing)`.
public enum PivotPointType: String, Sendable, CaseIterable {
    case traditional = "Traditional"
    case fibonacci = "Fibonacci"
    case woodie = "Woodie"
    case classic = "Classic"
    case dm = "DM"
    case camarilla = "Camarilla"
}
