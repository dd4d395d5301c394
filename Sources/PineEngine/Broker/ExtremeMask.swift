/// A set of a bar's extremes.
struct ExtremeMask: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let high = ExtremeMask(rawValue: 1)
    static let low = ExtremeMask(rawValue: 2)
}
