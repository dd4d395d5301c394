import PFData

extension PreparedData {
    /// Decides how the strategy's money relates to the symbol's (see
    /// `CurrencyConversion`); `rate` is the one the user gave, if any.
    /// Throws, saying how to give a rate, when one is needed and missing.
    public mutating func setCurrency(strategy: String?, rate: FxSource?) throws {
        currency = try CurrencyConversion.decide(
            strategy: strategy, symbol: symbolCurrency, rate: rate, chart: bars.bars, chartTimeframe: timeframe)
    }

    /// Gives `request.security` the data of other symbols: ticker (as the
    /// script names it, with or without its exchange prefix) -> data file.
    public func addSymbols(_ files: [String: String]) throws {
        for (ticker, path) in files.sorted(by: { $0.key < $1.key }) {
            let market = try MarketData.load(path: path)
            security.register(
                ticker: ticker,
                source: .init(bars: market.bars, timeframe: market.timeframe, symbol: RequestedSymbol(market: market)))
        }
    }
}
