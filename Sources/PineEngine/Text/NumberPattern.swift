import Foundation

/// A decimal pattern: optional literal prefix and suffix, `,` grouping, `0`
/// for a required digit, `#` for an optional one, `%` to show a percentage.
/// Rounding is half away from zero, as `str.tostring` rounds.
struct NumberPattern {
    let prefix: String
    let suffix: String
    let grouping: Int
    let minimumIntegerDigits: Int
    let minimumFractionDigits: Int
    let maximumFractionDigits: Int
    let isPercent: Bool

    init(_ pattern: String) {
        let chars = Array(pattern)
        let isDigit: (Character) -> Bool = { $0 == "#" || $0 == "0" || $0 == "," || $0 == "." }
        let first = chars.firstIndex(where: isDigit) ?? chars.count
        let last = chars.lastIndex(where: isDigit).map { $0 + 1 } ?? chars.count
        prefix = String(chars[0..<first]).replacingOccurrences(of: "'", with: "")
        suffix = first < last ? String(chars[last...]).replacingOccurrences(of: "'", with: "") : ""
        let body = first < last ? String(chars[first..<last]) : "#"
        isPercent = pattern.contains("%")
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        if let comma = integer.lastIndex(of: ",") {
            grouping = integer.distance(from: integer.index(after: comma), to: integer.endIndex)
        } else {
            grouping = 0
        }
        minimumIntegerDigits = integer.filter { $0 == "0" }.count
        minimumFractionDigits = fraction.filter { $0 == "0" }.count
        maximumFractionDigits = fraction.filter { $0 == "0" || $0 == "#" }.count
    }

    func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "∞" : "-∞" }
        let x = isPercent ? value * 100 : value
        let scale = Foundation.pow(10.0, Double(maximumFractionDigits))
        let rounded = (abs(x) * scale).rounded(.toNearestOrAwayFromZero) / scale
        var text = String(format: "%.\(maximumFractionDigits)f", rounded)
        var integerPart = text
        var fractionPart = ""
        if let dot = text.firstIndex(of: ".") {
            integerPart = String(text[..<dot])
            fractionPart = String(text[text.index(after: dot)...])
        }
        while fractionPart.count > minimumFractionDigits && fractionPart.hasSuffix("0") { fractionPart.removeLast() }
        if integerPart == "0" && minimumIntegerDigits == 0 && !fractionPart.isEmpty { integerPart = "" }
        while integerPart.count < minimumIntegerDigits { integerPart = "0" + integerPart }
        if integerPart.isEmpty && fractionPart.isEmpty { integerPart = "0" }
        if grouping > 0 && integerPart.count > grouping {
            var grouped = ""
            for (k, ch) in integerPart.reversed().enumerated() {
                if k > 0 && k % grouping == 0 { grouped.append(",") }
                grouped.append(ch)
            }
            integerPart = String(grouped.reversed())
        }
        text = fractionPart.isEmpty ? integerPart : integerPart + "." + fractionPart
        let negative = x < 0 && rounded != 0
        return (negative ? "-" : "") + prefix + text + suffix
    }
}
