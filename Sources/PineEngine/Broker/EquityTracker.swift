/// The account's equity record as the script reads it
/// (`strategy.max_drawdown`, `strategy.max_runup` and their percents):
/// fed once per bar with the closing equity.
struct EquityTracker: Sendable {
    /// The largest drawdown so far (money).
    var maxDrawdown: Double = 0
    /// The largest run-up so far (money).
    var maxRunup: Double = 0
    /// The largest drawdown as a percent of the peak it fell from.
    var maxDrawdownPercent: Double = 0
    /// The largest run-up as a percent of the trough it rose from.
    var maxRunupPercent: Double = 0
    /// The highest equity so far (NaN before the first bar) and the lowest
    /// since that peak.
    var peak: Double = .nan
    var trough: Double = .nan
    /// The previous bar's closing equity (NaN before the first bar).
    var last: Double = .nan

    /// Takes in a bar's closing equity.
    @inline(__always)
    mutating func record(_ eq: Double) {
        last = eq
        if peak.isNaN {
            peak = eq
            trough = eq
        }
        if eq > peak {
            peak = eq
            trough = eq
        }
        if eq < trough { trough = eq }
        let dd = peak - eq
        if dd > maxDrawdown { maxDrawdown = dd }
        if dd > 0 && peak > 0 && Self.mayExceed(dd, peak, maxDrawdownPercent) && dd / peak * 100 > maxDrawdownPercent {
            maxDrawdownPercent = dd / peak * 100
        }
        let ru = eq - trough
        if ru > maxRunup { maxRunup = ru }
        if ru > 0 && trough > 0 && Self.mayExceed(ru, trough, maxRunupPercent) && ru / trough * 100 > maxRunupPercent {
            maxRunupPercent = ru / trough * 100
        }
    }

    /// False when `amount / base * 100` is surely not above `percent`
    /// (both positive amounts): a product instead of the bar's division.
    /// The margin (1e-9 relative) is far wider than the rounding of either
    /// side, so the exact comparison decides every case this lets through.
    @inline(__always)
    static func mayExceed(_ amount: Double, _ base: Double, _ percent: Double) -> Bool {
        amount * 100 > percent * base * (1 - 1e-9)
    }
}
