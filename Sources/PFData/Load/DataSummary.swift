/// What `pfopt data info` reports about a data file.
public struct DataSummary: Sendable, Equatable {
    /// The file described.
    public let path: String
    /// The `.ohlcv` file read.
    public let ohlcvPath: String
    /// Number of bars.
    public let bars: Int
    /// First and last bar open times (Unix ms); `nil` for no bars.
    public let firstTime: Int64?
    public let lastTime: Int64?
    /// The timeframe (TradingView string), if known.
    public let interval: Timeframe?
    /// Gaps and the bars they miss.
    public let gaps: Int
    public let missingBars: Int64
    /// The largest gap.
    public let largestGap: DataGap?
    /// The tick size (symbol file, else detected).
    public let tick: Double
    /// Lowest low and highest high.
    public let priceLow: Double?
    public let priceHigh: Double?
    /// Ticker of the symbol.
    public let ticker: String

    /// Summarises loaded market data.
    public init(_ data: MarketData) {
        let store = data.bars
        path = data.sourcePath
        ohlcvPath = data.ohlcvPath
        bars = store.count
        firstTime = store.time.first
        lastTime = store.time.last
        interval = data.timeframe
        gaps = data.gaps.count
        missingBars = data.gaps.reduce(0) { $0 + $1.missingBars }
        largestGap = data.gaps.max { $0.missingBars < $1.missingBars }
        tick = data.symbol.mintick
        priceLow = store.low.min()
        priceHigh = store.high.max()
        ticker = data.symbol.ticker
    }

    /// One JSON object (keys `bars`, `first_time`, `last_time` in Unix ms,
    /// `interval` as a TradingView string, `gaps`, `missing_bars`, `tick`,
    /// `price_low`, `price_high`, `ticker`, `file`, `ohlcv`).
    public func json() -> String {
        func number(_ v: Double?) -> String { v.map { NumberText.format($0) } ?? "null" }
        let fields = [
            "\"file\": \(QuotedString.quoted(path))",
            "\"ohlcv\": \(QuotedString.quoted(ohlcvPath))",
            "\"ticker\": \(QuotedString.quoted(ticker))",
            "\"bars\": \(bars)",
            "\"first_time\": \(firstTime.map { String($0) } ?? "null")",
            "\"last_time\": \(lastTime.map { String($0) } ?? "null")",
            "\"interval\": \(interval.map { QuotedString.quoted($0.description) } ?? "null")",
            "\"gaps\": \(gaps)",
            "\"missing_bars\": \(missingBars)",
            "\"tick\": \(number(tick))",
            "\"price_low\": \(number(priceLow))",
            "\"price_high\": \(number(priceHigh))",
        ]
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// A short human-readable report, one fact a line.
    public func text() -> String {
        var lines: [String] = []
        lines.append("file        \(path)")
        if ohlcvPath != path { lines.append("ohlcv       \(ohlcvPath)") }
        lines.append("ticker      \(ticker)")
        lines.append("bars        \(bars)")
        if let firstTime, let lastTime {
            lines.append("first bar   \(UTCCalendar.isoString(milliseconds: firstTime))")
            lines.append("last bar    \(UTCCalendar.isoString(milliseconds: lastTime))")
        }
        lines.append("interval    \(interval?.description ?? "unknown")")
        if let largestGap {
            lines.append(
                "gaps        \(gaps) (\(missingBars) bars missing; largest: \(largestGap.missingBars) bars after \(UTCCalendar.isoString(milliseconds: largestGap.lastTime)))"
            )
        } else {
            lines.append("gaps        none")
        }
        lines.append("tick        \(NumberText.format(tick))")
        if let priceLow, let priceHigh {
            lines.append("price range \(NumberText.format(priceLow)) - \(NumberText.format(priceHigh))")
        }
        return lines.joined(separator: "\n")
    }
}
