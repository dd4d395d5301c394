import Foundation

/// Margin calls: when the open position's loss leaves the equity below the
/// margin the position needs, part of it is liquidated at market.
extension Broker {
    /// The exit id a margin call's fills carry in the trade list.
    public static let marginCallId = "Margin call"

    /// Checks the open position once per bar at the bar's worst price for
    /// it (the low for a long, the high for a short) and liquidates part of
    /// it there when the equity does not cover its margin:
    ///
    /// 1. money spent = quantity x entry price; market value (MVS) =
    ///    quantity x price (both x point value, in the strategy's currency);
    /// 2. equity = initial capital + net profit + open profit at the price;
    /// 3. margin = MVS x margin_long (or margin_short) / 100; available
    ///    funds = equity - margin; nothing happens unless they are negative;
    /// 4. loss = available funds / (margin percent / 100); cover amount =
    ///    loss / price, truncated to the lot step (the symbol's minimum
    ///    quantity; not truncated when the symbol has none, like every
    ///    quantity pfopt sizes);
    /// 5. four times the cover amount (at most the whole position) is
    ///    closed at the price, oldest entries first, exit id "Margin call".
    ///
    /// The fill is a market order's: the strategy's slippage moves it
    /// against the position, as for every market exit. Where the rule
    /// decides nothing (the cover amount truncates to zero lots), the run is
    /// refused at that bar rather than guessed.
    /// Returns true when a margin call was issued.
    @inline(__always)
    func marginCall(high: Double, low: Double) throws(BacktestError) -> Bool {
        guard let side = engine.ledger.direction else { return false }
        let percent = side == .long ? settings.properties.marginLong : settings.properties.marginShort
        guard percent > 0 else { return false }
        let price = side == .long ? low : high
        let rules = engine.rules
        let qty = engine.ledger.openQuantity
        let ratio = percent / 100
        let contractValue = price * rules.pointValue * engine.ledger.rate
        let equity =
            initialCapital + engine.ledger.netProfit + engine.ledger.openProfit(at: price, pointValue: rules.pointValue)
        let margin = qty * contractValue * ratio
        let available = equity - margin
        // The same tolerance as the margin test of the report's shortfall count.
        guard available < -1e-9 * max(1, margin) else { return false }
        let loss = available / ratio
        let cover = rules.floorToLot(-loss / contractValue)
        let name = side == .long ? "margin_long" : "margin_short"
        guard cover > 0 else {
            throw .undefinedMarginCall(
                bar: engine.clock.index, time: engine.clock.time, setting: name,
                why: "the equity (\(Self.money(equity))) falls short of the \(name) requirement (\(Self.money(margin))) "
                    + "by less than one lot (\(String(rules.lotStep))): TradingView's documented margin-call rule liquidates "
                    + "nothing there and its actual behaviour is not documented; lower \(name) or the position size")
        }
        // A margin call is a market order: it slips against the position like any market exit.
        let fill = rules.snap(price - side.sign * rules.slippagePrice, buying: side == .short)
        engine.ledger.close(
            direction: side, entryId: nil, qty: min(cover * 4, qty), price: fill, exitId: Self.marginCallId,
            comment: nil, at: engine.clock, fold: .priceOnly, rules: rules, closeRule: engine.limits.closeRule)
        engine.book.pruneExits(engine.ledger, rules: rules)
        return true
    }

    private static func money(_ v: Double) -> String { String(format: "%.2f", v) }
}
