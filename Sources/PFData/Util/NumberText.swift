/// Number formatting for exports: the shortest text that reads back to the same value.
enum NumberText {
    /// `1.5`, `2`, `nan`: whole values without a trailing `.0`.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A JSON number (`NaN` for not-a-number, as Python's json module writes it).
    static func json(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "Infinity" : "-Infinity" }
        return format(value)
    }
}
