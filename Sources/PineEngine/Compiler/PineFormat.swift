import Foundation
import PineLanguage

/// Text formatting as Pine prints numbers.
enum PineFormat {
    static func number(_ x: Double, isInt: Bool) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "Infinity" : "-Infinity" }
        if (isInt && abs(x) < 9e18) || (x == x.rounded() && abs(x) < 1e15) { return String(Int64(x.rounded(.towardZero))) }
        return String(x)
    }

    /// A number written with a `#`/`0` pattern: `"#.##"` keeps up to two
    /// decimals, `"0.00"` exactly two (half away from zero, as TradingView).
    static func pattern(_ x: Double, _ pattern: String) -> String {
        if x.isNaN { return "NaN" }
        guard let dot = pattern.firstIndex(of: ".") else {
            return String(Int64(x.rounded(.toNearestOrAwayFromZero)))
        }
        let decimals = pattern[pattern.index(after: dot)...].filter { $0 == "#" || $0 == "0" }
        let required = decimals.filter { $0 == "0" }.count
        let scale = Foundation.pow(10.0, Double(decimals.count))
        let rounded = (x * scale).rounded(.toNearestOrAwayFromZero) / scale
        var text = String(format: "%.\(decimals.count)f", rounded)
        if decimals.count > required, text.contains(".") {
            var trimmed = 0
            while trimmed < decimals.count - required, text.hasSuffix("0") {
                text.removeLast()
                trimmed += 1
            }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// Replaces `{0}`, `{1}`, ... with the values.
    static func substitute(_ format: String, _ values: [String]) -> String {
        var out = format
        for (i, v) in values.enumerated() {
            out = out.replacingOccurrences(of: "{\(i)}", with: v)
        }
        return out
    }
}
