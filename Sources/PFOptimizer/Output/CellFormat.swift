import Foundation
import PFData
import PineEngine

/// How numbers are written for people (leaderboard.csv, the report page):
/// counts as integers, money to cents, percentages to two decimals,
/// ratios to four significant digits, prices to the symbol's tick. An
/// undefined value is an empty cell.
enum CellFormat {
    static func metric(_ value: Double, kind: MetricCatalog.Kind) -> String {
        guard value.isFinite else { return "" }
        switch kind {
        case .count: return String(Int64(value.rounded()))
        case .money, .percent: return fixed(value, decimals: 2)
        case .ratio: return significant(value, digits: 4)
        case .bars: return fixed(value, decimals: 1)
        }
    }

    /// `value` with `decimals` digits after the point ("-0.00" written "0.00").
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "" }
        let text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(text.dropFirst()) }
        return text
    }

    /// `value` rounded to `digits` significant digits, without an exponent
    /// and without trailing zeros after the point.
    static func significant(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "" }
        guard value != 0 else { return "0" }
        let magnitude = Int(floor(log10(abs(value))))
        let decimals = min(12, max(0, digits - 1 - magnitude))
        var text = fixed(value, decimals: decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// A price rounded to the tick (to 10 significant digits when the tick is unknown).
    static func price(_ value: Double, tick: Double) -> String {
        guard value.isFinite else { return "" }
        guard tick > 0, tick.isFinite else { return significant(value, digits: 10) }
        let decimals = TickGrid.displayDecimals(of: tick)
        return fixed((value / tick).rounded() * tick, decimals: decimals)
    }
}
