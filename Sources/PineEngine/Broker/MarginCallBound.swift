/// A pre-test that proves, with two multiplications per bar, that the
/// margin call cannot trigger at a price, so the exact test (a pass over
/// the open trades) runs only where it might.
///
/// The margin call's available funds are linear in the price `p` while the
/// open trades, the closed profit and the currency rate stay the same:
///
///     available(p) = capital + net profit + rate x point value x sum((p - entry) x qty x sign)
///                    - open qty x p x point value x rate x margin ratio
///                  = fixed + perPrice x p
///
/// The coefficients are rebuilt when the ledger changes (`TradeLedger.revision`)
/// or the rate does. Both this form and the exact test are sums of at most
/// (open trades + 10) rounded products of magnitude at most `magnitude(p)`,
/// so they differ by far less than `tolerance x magnitude(p)` (1e-6 covers
/// rounding errors for up to about 10^9 open trades). Where the linear form
/// exceeds that, the exact available funds are positive and the exact test
/// (which needs them below a negative tolerance) cannot trigger. Anything
/// else, NaN included, falls through to the exact test.
struct MarginCallBound: Sendable {
    /// The ledger revision and rate the coefficients were built for.
    var revision = -1
    var rate = Double.nan
    /// True for a long position (tested at the bar's low), false for a short (at its high).
    var isLong = true
    var fixed = 0.0
    var perPrice = 0.0
    /// The magnitude of the terms: `magnitudeFixed + magnitudePerPrice x |p|`.
    var magnitudeFixed = 0.0
    var magnitudePerPrice = 0.0

    static let tolerance = 1e-6

    /// Rebuilds the coefficients for `ledger` (its open position must not be flat).
    mutating func rebuild(
        ledger: TradeLedger, side: TradeDirection, ratio: Double, pointValue: Double, initialCapital: Double
    ) {
        revision = ledger.revision
        rate = ledger.rate
        isLong = side == .long
        let base = initialCapital + ledger.netProfit
        var entryValue = 0.0
        var entryMagnitude = 0.0
        var signedQty = 0.0
        var qty = 0.0
        var qtyMagnitude = 0.0
        for k in ledger.openTrades.indices {
            let t = ledger.openTrades[k]
            let sign = t.direction.sign
            entryValue += t.entryPrice * t.qty * sign
            entryMagnitude += abs(t.entryPrice * t.qty)
            signedQty += t.qty * sign
            qty += t.qty
            qtyMagnitude += abs(t.qty)
        }
        let scale = rate * pointValue
        fixed = base - scale * entryValue
        perPrice = scale * signedQty - qty * pointValue * rate * ratio
        magnitudeFixed = abs(initialCapital) + abs(ledger.netProfit) + abs(scale) * entryMagnitude
        magnitudePerPrice = abs(scale) * qtyMagnitude * (1 + abs(ratio))
    }

    /// True when the margin call surely does not trigger at `price`.
    @inline(__always)
    func surelyCovered(at price: Double) -> Bool {
        fixed + perPrice * price > Self.tolerance * (magnitudeFixed + magnitudePerPrice * abs(price))
    }
}
