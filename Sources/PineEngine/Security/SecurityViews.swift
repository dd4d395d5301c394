import Foundation
import PFData

/// The other contexts a script may request (other timeframes of the chart's
/// symbol, its Heikin Ashi bars, other symbols given a data file), aggregated once per context on
/// first use and shared read-only by every engine instance of a sweep.
public final class SecurityViews: @unchecked Sendable {
    /// One symbol's data: its bars, their timeframe and, for a symbol other
    /// than the chart's, what is known of it (nil: only the tick its prices
    /// show).
    public struct Source: Sendable {
        public let bars: BarStore
        public let timeframe: Timeframe?
        public let symbol: RequestedSymbol?
        public init(bars: BarStore, timeframe: Timeframe?, symbol: RequestedSymbol? = nil) {
            self.bars = bars
            self.timeframe = timeframe
            self.symbol = symbol
        }
    }

    private struct Key: Hashable {
        let symbol: String
        let timeframe: Timeframe
        let heikinAshi: Bool
    }

    /// The chart's bars (the script timeframe) and their timeframe.
    let chart: BarStore
    let chartTimeframe: Timeframe?
    /// The chart symbol's source data (what its other timeframes are built from).
    let chartSource: Source
    /// The chart symbol's names (`syminfo.tickerid`, `syminfo.ticker`).
    let chartNames: Set<String>
    /// Other symbols by ticker, as mapped by the user.
    private var others: [String: Source] = [:]
    private var requestedBars: [Key: SecurityBars] = [:]
    private var lower: [Key: LowerTimeframeBars] = [:]
    private let lock = NSLock()

    /// The contexts of a chart: `chart` bars of `chartTimeframe`, built from
    /// `source`, for the symbol called by any of `names`.
    public init(chart: BarStore, chartTimeframe: Timeframe?, source: Source, names: Set<String>) {
        self.chart = chart
        self.chartTimeframe = chartTimeframe
        self.chartSource = source
        self.chartNames = names.filter { !$0.isEmpty }
    }

    /// Gives the data of another symbol, requested by `ticker` (with or
    /// without its exchange prefix).
    public func register(ticker: String, source: Source) {
        lock.lock()
        defer { lock.unlock() }
        others[ticker] = source
    }

    /// The tickers other symbols were given for.
    public var registeredTickers: [String] {
        lock.lock()
        defer { lock.unlock() }
        return others.keys.sorted()
    }

    /// The key of the symbol a script names: "" for the chart's own symbol,
    /// else the mapped ticker; nil when no data was given for it.
    func symbolKey(_ ticker: String) -> String? {
        if ticker.isEmpty || chartNames.contains(ticker) { return "" }
        let bare = ticker.split(separator: ":").last.map(String.init) ?? ticker
        if chartNames.contains(bare) && !ticker.contains(":") { return "" }
        lock.lock()
        defer { lock.unlock() }
        if others[ticker] != nil { return ticker }
        if others[bare] != nil { return bare }
        return nil
    }

    /// What is known of the symbol `key` (from `symbolKey`, not "") names:
    /// its source's description, or else only the tick its prices show.
    func requestedSymbol(_ key: String) -> RequestedSymbol {
        lock.lock()
        defer { lock.unlock() }
        if let s = others[key]?.symbol { return s }
        let bars = others[key]?.bars
        let tick = bars.flatMap { TickAnalysis.tickSize(of: $0) } ?? 0.01
        return RequestedSymbol(
            info: SymbolInfo(ticker: key, currency: "", period: "", mintick: tick), known: [.ticker, .tick])
    }

    private func source(_ key: String) throws(SecurityError) -> Source {
        if key.isEmpty { return chartSource }
        guard let s = others[key] else { throw .unknownSymbol(key) }
        return s
    }

    /// The requested bars of `symbol` (a key from `symbolKey`) at `timeframe`
    /// (coarser, equal or finer than the chart's), as Heikin Ashi bars when
    /// `heikinAshi` is set, aligned with the chart.
    func requested(symbol: String, timeframe: Timeframe, heikinAshi: Bool = false) throws(SecurityError) -> SecurityBars {
        lock.lock()
        defer { lock.unlock() }
        let key = Key(symbol: symbol, timeframe: timeframe, heikinAshi: heikinAshi)
        if let v = requestedBars[key] { return v }
        let (src, srcTF, chartTF) = try parts(symbol)
        do {
            let v = try SecurityBars(
                source: src.bars, sourceTimeframe: srcTF, timeframe: timeframe, chart: chart, chartTimeframe: chartTF,
                heikinAshi: heikinAshi)
            requestedBars[key] = v
            return v
        } catch AggregationError.finerThanData(let target, let data) {
            throw .finerThanData(function: "request.security", requested: target, data: data)
        } catch let e as AggregationError {
            throw .cannotAggregate(symbol: symbol, detail: e.description)
        } catch {
            throw .cannotAggregate(symbol: symbol, detail: "\(error)")
        }
    }

    /// The lower-timeframe bars of `symbol` at `timeframe` inside each chart bar
    /// (Heikin Ashi bars when `heikinAshi` is set).
    func lower(symbol: String, timeframe: Timeframe, heikinAshi: Bool = false) throws(SecurityError) -> LowerTimeframeBars {
        lock.lock()
        defer { lock.unlock() }
        let key = Key(symbol: symbol, timeframe: timeframe, heikinAshi: heikinAshi)
        if let v = lower[key] { return v }
        let (src, srcTF, chartTF) = try parts(symbol)
        if timeframe > chartTF { throw .coarserThanChart(requested: timeframe, chart: chartTF) }
        do {
            let v = try LowerTimeframeBars(
                source: src.bars, sourceTimeframe: srcTF, timeframe: timeframe, chart: chart, chartTimeframe: chartTF,
                heikinAshi: heikinAshi)
            lower[key] = v
            return v
        } catch AggregationError.finerThanData(let target, let data) {
            throw .finerThanData(function: "request.security_lower_tf", requested: target, data: data)
        } catch let e as AggregationError {
            throw .cannotAggregate(symbol: symbol, detail: e.description)
        } catch {
            throw .cannotAggregate(symbol: symbol, detail: "\(error)")
        }
    }

    private func parts(_ symbol: String) throws(SecurityError) -> (Source, Timeframe, Timeframe) {
        let src = try source(symbol)
        guard let chartTF = chartTimeframe else { throw .unknownTimeframe("the chart's") }
        guard let srcTF = src.timeframe else {
            throw .unknownTimeframe(symbol.isEmpty ? "the data's" : "the data of \(symbol)")
        }
        return (src, srcTF, chartTF)
    }
}
