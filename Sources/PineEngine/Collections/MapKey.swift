/// A key of a Pine map. Keys are values of a fundamental type (int, float,
/// bool, color, string) or an enum member; numbers, bools, colors and enum
/// members are all held as a `Double` (enum members by their ordinal), text as
/// a `String`. `na` keys are all equal to one another, as TradingView treats them.
enum MapKey: Hashable, Sendable {
    case number(Double)
    case text(String)

    /// The key for a number, with every NaN (`na`) made the same key and -0 equal to 0.
    static func of(_ x: Double) -> MapKey {
        if x.isNaN { return .number(.nan) }
        return .number(x == 0 ? 0 : x)
    }

    static func == (a: MapKey, b: MapKey) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x == y || (x.isNaN && y.isNaN)
        case (.text(let x), .text(let y)): return x == y
        default: return false
        }
    }

    func hash(into hasher: inout Hasher) {
        switch self {
        case .number(let x):
            hasher.combine(0)
            hasher.combine(x.isNaN ? Double.infinity.bitPattern &+ 1 : x.bitPattern)
        case .text(let s):
            hasher.combine(1)
            hasher.combine(s)
        }
    }
}
