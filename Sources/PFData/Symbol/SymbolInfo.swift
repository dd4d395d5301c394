/// What pfopt knows about the traded symbol, read from and written to a symbol
/// TOML file (`[symbol]` plus opening hours and sessions) that keeps every key
/// it was given.
public struct SymbolInfo: Sendable, Equatable {
    /// Exchange or provider prefix, e.g. `"BINANCE"` (may be empty).
    public var prefix: String
    /// Human-readable description, e.g. `"Bitcoin / TetherUS"`.
    public var description: String
    /// Ticker, e.g. `"BTCUSDT"`.
    public var ticker: String
    /// Quote currency, e.g. `"USDT"`.
    public var currency: String
    /// Base currency, e.g. `"BTC"`, when the symbol has one.
    public var basecurrency: String?
    /// The data's timeframe as a TradingView string, e.g. `"15"`.
    public var period: String
    /// Asset type: `"crypto"`, `"forex"`, `"stock"`, `"futures"`, `"index"`, ...
    public var type: String
    /// Minimum price movement (`minmove / pricescale`).
    public var mintick: Double
    /// Price scale (`1 / mintick` for decimal ticks).
    public var pricescale: Int
    /// Minimum move in units of `1 / pricescale`.
    public var minmove: Int
    /// Money value of a one-point move per contract.
    public var pointvalue: Double
    /// Order quantity step (the file's `mincontract`, Pine `syminfo.mincontract`), if known.
    public var mincontract: Double?
    /// IANA timezone of the exchange, `"UTC"` by default.
    public var timezone: String
    /// `"regular"` or `"extended"` hours.
    public var session: String
    /// What volume counts: `"base"`, `"quote"`, `"tick"` or `"n/a"`.
    public var volumetype: String
    /// Average spread, taker fee and maker fee when the provider gives them.
    public var avgSpread: Double?
    public var takerFee: Double?
    public var makerFee: Double?
    /// The symbol file's reference-data keys (country, sector, isin, analyst
    /// figures, ...) kept as read so a round trip loses nothing.
    public var referenceFields: [String: SymbolFieldValue]
    /// Weekly trading intervals in `timezone`.
    public var openingHours: [TradingInterval]
    public var sessionStarts: [SessionTime]
    public var sessionEnds: [SessionTime]
    /// Effective-dated schedule history (oldest first), usually empty.
    public var sessionSchedules: [ScheduleVariant]
    /// Single-day exceptions to the weekly schedule.
    public var sessionCorrections: [SessionCorrection]
    /// Extended (pre/post-market) hours, usually empty.
    public var extendedHours: [TradingInterval]
    public var extendedSessionCorrections: [SessionCorrection]
    /// The provider string of the symbol file's `[download]` section, if any.
    public var downloadProvider: String?

    /// Builds a symbol in code. Opening hours default to 24x7.
    public init(
        prefix: String = "", description: String? = nil, ticker: String, currency: String,
        basecurrency: String? = nil, period: String, type: String = "crypto", mintick: Double,
        pricescale: Int? = nil, minmove: Int? = nil, pointvalue: Double = 1, mincontract: Double? = nil,
        timezone: String = "UTC", session: String = "regular", volumetype: String = "base",
        openingHours: [TradingInterval] = SymbolInfo.allWeekHours,
        sessionStarts: [SessionTime]? = nil, sessionEnds: [SessionTime]? = nil
    ) {
        self.prefix = prefix
        self.description = description ?? ticker
        self.ticker = ticker
        self.currency = currency
        self.basecurrency = basecurrency
        self.period = period
        self.type = type
        self.mintick = mintick
        let grid = TickGrid(mintick: mintick)
        self.pricescale = pricescale ?? grid?.pricescale ?? 1
        self.minmove = minmove ?? grid?.minmove ?? 1
        self.pointvalue = pointvalue
        self.mincontract = mincontract
        self.timezone = timezone
        self.session = session
        self.volumetype = volumetype
        self.avgSpread = nil
        self.takerFee = nil
        self.makerFee = nil
        self.referenceFields = [:]
        self.openingHours = openingHours
        self.sessionStarts = sessionStarts ?? openingHours.map { SessionTime(day: $0.day, time: $0.start) }
        self.sessionEnds = sessionEnds ?? openingHours.map { SessionTime(day: $0.day, time: $0.end) }
        self.sessionSchedules = []
        self.sessionCorrections = []
        self.extendedHours = []
        self.extendedSessionCorrections = []
        self.downloadProvider = nil
    }

    /// Round-the-clock trading, every day (crypto): 00:00 to 00:00 on days 0...6.
    public static let allWeekHours: [TradingInterval] = (0...6).map {
        TradingInterval(day: $0, start: .midnight, end: .midnight)
    }

    /// The reference-data keys of `[symbol]` pfopt keeps but does not interpret.
    public static let referenceKeys: [String] = [
        "country", "sector", "industry", "isin", "expiration_date", "current_contract",
        "employees", "shareholders", "shares_outstanding_total", "shares_outstanding_float",
        "recommendations_buy", "recommendations_buy_strong", "recommendations_date",
        "recommendations_hold", "recommendations_sell", "recommendations_sell_strong",
        "recommendations_total", "target_price_average", "target_price_high", "target_price_low",
        "target_price_median", "target_price_date", "target_price_estimates",
    ]

    /// Defaults for data without a symbol file: the ticker and currencies
    /// guessed from the file name, the detected tick, point value 1, UTC, 24x7.
    public static func defaults(
        forDataFile path: String, timeframe: Timeframe?, mintick: Double
    ) -> SymbolInfo {
        let guess = SymbolGuess(fileName: path)
        var info = SymbolInfo(
            prefix: guess.provider?.uppercased() ?? "",
            ticker: guess.ticker,
            currency: guess.quote ?? "USD",
            basecurrency: guess.base,
            period: timeframe?.description ?? "",
            type: guess.type,
            mintick: mintick)
        info.description = guess.symbol ?? guess.ticker
        return info
    }
}
