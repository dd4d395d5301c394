import Foundation

/// Margin calls: when the open position's loss leaves the equity below the
/// margin the position needs, part of it is liquidated at market.
extension Broker {
    /// The exit id a margin call's fills carry in the trade list.
    public static let marginCallId = "Margin call"

    /// Checks the open position once per bar, after the bar's path is
    /// walked, at the worst price it has seen on the bar (the low for a
    /// long, the high for a short), and liquidates part of it there when the
    /// equity does not cover its margin. A position open before the bar has
    /// seen the whole bar; one opened on the bar's path has seen only the
    /// path from its opening fill on: a long bought by a buy stop on the way
    /// up, after the bar's low, is checked at the lowest price after its
    /// fill (the fill point or a later point of the path), not at the low.
    /// TradingView's manual does not say which price of the bar a position
    /// opened inside it is checked at; this is the rule consistent with the
    /// price path the fills follow. Trades added to a position already open
    /// do not restart it (the position has seen the whole stretch).
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
        // The check runs inside the fill engine, whose state it reads and changes in place.
        try engine.marginCall(high: high, low: low, initialCapital: initialCapital)
    }

    /// `strategy.opentrades.capital_held`: the capital the open trades
    /// hold, the money spent on them (the manual's margin section: quantity
    /// x entry price, here x point value, in the strategy's currency at each
    /// entry's rate). It does not follow the market, counts shorts
    /// positively and is 0 while flat. NaN when the strategy funds no trade
    /// with margin: margin_long and margin_short both 0 (the manual's
    /// remark).
    public var capitalHeld: Double {
        let p = settings.properties
        guard p.marginLong > 0 || p.marginShort > 0 else { return .nan }
        let pv = pointValue
        var held = 0.0
        for t in engine.ledger.openTrades { held += t.entryPrice * t.qty * pv * t.entryRate }
        return held
    }

    /// `strategy.margin_liquidation_price`: the price at which the open
    /// position's equity falls to its margin, where the margin call above
    /// fires. Solving equity = margin (initial capital + net profit + open
    /// profit = position value x margin %, both in the strategy's currency)
    /// for the price gives
    ///
    ///     ((initial capital + net profit) / (point value x quantity x rate)
    ///       - direction x average entry price) / (margin % / 100 - direction)
    ///
    /// (direction +1 long, -1 short; rate: units of the strategy's currency
    /// per unit of the symbol's on this bar, 1 without a conversion; the
    /// price is the symbol's), rounded to the tick grid away from the
    /// market: down for a long, up for a short. NaN while flat and when the
    /// position's side does not use margin: margin 0 (no requirement) or
    /// 100 (fully funded, no leverage).
    public var marginLiquidationPrice: Double {
        guard let side = positionDirection else { return .nan }
        let p = settings.properties
        let percent = side == .long ? p.marginLong : p.marginShort
        guard percent > 0 && percent != 100 else { return .nan }
        let qty = engine.ledger.openQuantity
        let rate = currencyRate
        guard qty > 0 && rate > 0 else { return .nan }
        let dir = side.sign
        let raw = ((initialCapital + netProfit) / (pointValue * qty * rate) - dir * positionAvgPrice) / (percent / 100 - dir)
        return engine.rules.snap(raw, buying: side == .short)
    }
}
