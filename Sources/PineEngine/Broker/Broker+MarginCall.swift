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
        try engine.marginCall(
            high: high, low: low, marginLong: settings.properties.marginLong,
            marginShort: settings.properties.marginShort, initialCapital: initialCapital)
    }

}
