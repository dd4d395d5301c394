/// Symbol and provider guessed from a data file's name: `BTCUSDT.csv` is BTC/USDT, `BYBIT_ETHUSDT_1h.csv` is ETH/USDT
/// from bybit, `ETHUSDT-PERP_15m.csv` is ETH/USDT.
public struct SymbolGuess: Sendable, Equatable {
    /// `BASE/QUOTE` when the pair was recognised, else the bare ticker; nil when nothing was found.
    public let symbol: String?
    /// Lowercased provider or exchange (`"bybit"`), if the name starts with a known one.
    public let provider: String?
    /// Base and quote currencies when the pair was recognised.
    public let base: String?
    public let quote: String?

    /// Known providers and exchanges a file name may start with.
    public static let providers: Set<String> = [
        "BINANCE", "BYBIT", "COINBASE", "KRAKEN", "BITFINEX", "HUOBI", "OKX", "OKEX", "KUCOIN", "BITGET",
        "BITSTAMP", "GEMINI", "DERIBIT", "MEXC", "GATEIO", "CCXT", "CAPITALCOM", "OANDA", "FXCM", "TRADINGVIEW",
        "MT4", "MT5", "IB",
    ]
    /// Quote currencies, longest first so `USDT` wins over `USD`.
    public static let quotes: [String] = [
        "FDUSD", "USDT", "USDC", "BUSD", "TUSD", "USDP", "DAI", "USD", "EUR", "GBP", "JPY", "CHF", "AUD", "CAD",
        "NZD", "TRY", "BRL", "BTC", "ETH", "BNB",
    ]
    static let fiat: Set<String> = ["USD", "EUR", "GBP", "JPY", "CHF", "AUD", "CAD", "NZD", "TRY", "BRL"]
    static let ignoredWords: Set<String> = [
        "PERP", "PERPETUAL", "SPOT", "SWAP", "FUTURES", "DAILY", "HOURLY", "WEEKLY", "MONTHLY", "OHLCV", "DATA",
        "CANDLES", "KLINES",
    ]

    /// Guesses from a file name or path.
    public init(fileName: String) {
        var stem = Substring(fileName)
        if let slash = stem.lastIndex(of: "/") { stem = stem[stem.index(after: slash)...] }
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = stem[..<dot] }
        var tokens = stem.uppercased().split(whereSeparator: { "_-,: .".contains($0) }).map(String.init)
        var provider: String?
        if let first = tokens.first, tokens.count >= 2, SymbolGuess.providers.contains(first) {
            provider = first.lowercased()
            tokens.removeFirst()
        }
        tokens.removeAll { token in
            SymbolGuess.ignoredWords.contains(token) || SymbolGuess.isTimeframeToken(token)
        }
        var symbol: String?
        var base: String?
        var quote: String?
        if let first = tokens.first {
            if tokens.count >= 2, SymbolGuess.quotes.contains(tokens[1]), first.allSatisfy(\.isLetter) {
                base = first
                quote = tokens[1]
            } else if let q = SymbolGuess.quotes.first(where: { first.hasSuffix($0) && first.count > $0.count }) {
                base = String(first.dropLast(q.count))
                quote = q
            }
            if let base, let quote {
                symbol = "\(base)/\(quote)"
            } else if first.contains(where: \.isLetter) {
                symbol = first
            }
        }
        self.symbol = symbol
        self.provider = provider
        self.base = base
        self.quote = quote
    }

    /// The ticker: base and quote joined (`ETHUSDT`), the bare symbol, or `"UNKNOWN"`.
    public var ticker: String {
        if let base, let quote { return base + quote }
        return symbol ?? "UNKNOWN"
    }

    /// The asset type the pair suggests: `forex` for two fiat currencies,
    /// `crypto` for a crypto or stablecoin pair, else `other`.
    public var type: String {
        guard let base, let quote else { return "other" }
        if SymbolGuess.fiat.contains(base) && SymbolGuess.fiat.contains(quote) { return "forex" }
        return "crypto"
    }

    static func isTimeframeToken(_ token: String) -> Bool {
        if token.allSatisfy(\.isNumber) { return true }
        guard token.count <= 5, let firstLetter = token.firstIndex(where: { !$0.isNumber }) else { return false }
        let digits = token[..<firstLetter]
        let unit = token[firstLetter...]
        return !digits.isEmpty && ["S", "M", "MIN", "H", "D", "W", "MO"].contains(String(unit))
    }
}
