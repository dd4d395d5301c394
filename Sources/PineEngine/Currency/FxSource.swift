import PFData

/// Where the rate between the strategy's currency and the symbol's comes
/// from, when the two differ.
public enum FxSource: Sendable {
    /// One rate for the whole run: what one unit of the strategy's currency
    /// costs in the symbol's currency (a EUR strategy on a USD symbol: the
    /// EURUSD rate, such as 1.08).
    case constant(Double)
    /// A rate series: the bars of a currency pair (`base`/`quote`, from its
    /// symbol file or its file name) at any timeframe.
    case series(path: String, bars: BarStore, timeframe: Timeframe?, base: String?, quote: String?)

    /// Loads a rate file the way market data is loaded (text converted once
    /// to `.ohlcv`, a symbol TOML beside it read when present).
    public static func load(path: String) throws -> FxSource {
        let market = try MarketData.load(path: path)
        let guess = SymbolGuess(fileName: path)
        let base = market.symbol.basecurrency ?? guess.base
        let quote = guess.quote ?? (market.symbol.basecurrency != nil ? market.symbol.currency : nil)
        return .series(path: path, bars: market.bars, timeframe: market.timeframe, base: base, quote: quote)
    }
}
