import Foundation

/// The margin call's check, run in place on the engine's state (see
/// `Broker.marginCall(high:low:)` for the rule).
extension FillEngine {
    @inline(__always)
    mutating func marginCall(high: Double, low: Double, initialCapital: Double) throws(BacktestError) -> Bool {
        marginCheckBar = clock.index
        guard let side = ledger.direction else { return false }
        let percent = side == .long ? marginLong : marginShort
        guard percent > 0 else { return false }
        let price = worstPriceSeen(long: side == .long, high: high, low: low)
        if marginBound.revision != ledger.revision || marginBound.rate != ledger.rate
            || marginBound.isLong != (side == .long)
        {
            marginBound.rebuild(
                ledger: ledger, side: side, ratio: percent / 100, pointValue: rules.pointValue,
                initialCapital: initialCapital)
        }
        if marginBound.surelyCovered(at: price) { return false }
        return try exactMarginCall(side: side, price: price, percent: percent, initialCapital: initialCapital)
    }

    /// The margin call's exact test at `price` and, when it fails, the liquidation.
    private mutating func exactMarginCall(
        side: TradeDirection, price: Double, percent: Double, initialCapital: Double
    ) throws(BacktestError) -> Bool {
        let qty = ledger.openQuantity
        let ratio = percent / 100
        let contractValue = price * rules.pointValue * ledger.rate
        let equity =
            initialCapital + ledger.netProfit + ledger.openProfit(at: price, pointValue: rules.pointValue)
        let margin = qty * contractValue * ratio
        let available = equity - margin
        // The same tolerance as the margin test of the report's shortfall count.
        guard available < -1e-9 * max(1, margin) else { return false }
        let loss = available / ratio
        let cover = rules.floorToLot(-loss / contractValue)
        let name = side == .long ? "margin_long" : "margin_short"
        guard cover > 0 else {
            throw .undefinedMarginCall(
                bar: clock.index, time: clock.time, setting: name,
                why: "the equity (\(Self.marginMoney(equity))) falls short of the \(name) requirement "
                    + "(\(Self.marginMoney(margin))) "
                    + "by less than one lot (\(String(rules.lotStep))): TradingView's documented margin-call rule liquidates "
                    + "nothing there and its actual behaviour is not documented; lower \(name) or the position size")
        }
        // A margin call is a market order: it slips against the position like any market exit.
        let fill = rules.snap(price - side.sign * rules.slippagePrice, buying: side == .short)
        ledger.close(
            direction: side, entryId: nil, qty: min(cover * 4, qty), price: fill, exitId: Broker.marginCallId,
            comment: nil, at: clock, fold: .priceOnly, rules: rules, closeRule: limits.closeRule)
        book.pruneExits(ledger, rules: rules)
        return true
    }

    /// The worst price the open position has seen on this bar (the low for
    /// a long, the high for a short): the bar's, or, for a position opened
    /// on the bar's price path, the worst price of the path from its opening
    /// fill on (a long bought by a stop on the way up after the bar's low
    /// never saw that low). `high`/`low`: the bar's extremes as walked.
    @inline(__always)
    func worstPriceSeen(long: Bool, high: Double, low: Double) -> Double {
        if positionPathBar == clock.index { return long ? positionPathLow : positionPathHigh }
        return long ? low : high
    }

    private static func marginMoney(_ v: Double) -> String { String(format: "%.2f", v) }
}
