/// A written type: `float`, `array<float>`, `map<string, int>`, `chart.point`, `MyType`,
/// or the legacy `float[]` (given as `array<float>` with `isLegacyArray`).
public struct TypeReference: Sendable, Hashable, CustomStringConvertible {
    /// The (possibly dotted) type name: `float`, `array`, `chart.point`.
    public var name: String
    /// Generic arguments: `[float]` for `array<float>`.
    public var arguments: [TypeReference]
    /// True when written in the legacy `float[]` form.
    public var isLegacyArray: Bool
    public var range: SourceRange

    public init(name: String, arguments: [TypeReference] = [], isLegacyArray: Bool = false, range: SourceRange) {
        self.name = name
        self.arguments = arguments
        self.isLegacyArray = isLegacyArray
        self.range = range
    }

    public var description: String {
        arguments.isEmpty ? name : name + "<" + arguments.map(\.description).joined(separator: ", ") + ">"
    }
}
