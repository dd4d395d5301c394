import PFData

/// A `request.*` call's arguments read in the chart's context.
struct SecurityRequest {
    let symbol: StrFn
    let timeframe: StrFn
    let lookahead: Bool
    let gaps: Bool
    let ignoreInvalidSymbol: Bool
    /// `currency =`: the currency the requested prices are given in (nil: the symbol's own).
    let currency: StrFn?
    /// True when the expression converts money with `strategy.convert_to_*`.
    let usesAccountRate: Bool
    /// `calc_bars_count =`: how many of the last requested bars the expression runs on (nil: all).
    let calcBarsCount: NumFn?
    /// Where the call is (runtime errors point there).
    let line: Int
    let column: Int

    /// The requested context, resolved once per run on the chart runtime:
    /// the symbol key, timeframe and bar kind; nil when the symbol has no
    /// data and `ignore_invalid_symbol` is set.
    func resolve(_ rt: Runtime) throws -> ResolvedRequest? {
        guard let views = rt.security else {
            throw rt.error("request.security needs the data's other timeframes, which this run was not given", line: line, column: column)
        }
        let text = try timeframe(rt)
        let tf: Timeframe
        if text.isEmpty {
            guard let chart = views.chartTimeframe else {
                throw rt.error(SecurityError.unknownTimeframe("the chart's").description, line: line, column: column)
            }
            tf = chart
        } else {
            guard let parsed = Timeframe(text) else {
                throw rt.error(SecurityError.badTimeframe(text).description, line: line, column: column)
            }
            tf = parsed
        }
        let id: TickerID
        switch TickerID.parse(try symbol(rt)) {
        case .success(let parsed): id = parsed
        case .failure(let e): throw rt.error("\(e)", line: line, column: column)
        }
        guard let key = views.symbolKey(id.symbol) else {
            if ignoreInvalidSymbol { return nil }
            throw rt.error(SecurityError.unknownSymbol(id.symbol).description, line: line, column: column)
        }
        var target: String?
        if let currency {
            let text = try currency(rt).uppercased()
            if !text.isEmpty && text != "NONE" { target = text }
        }
        var count: Int?
        if let calcBarsCount {
            let n = try calcBarsCount(rt)
            if !n.isNaN {
                guard n >= 1, n < Double(Int32.max) else {
                    throw rt.error(
                        "calc_bars_count must be a positive number of bars, got \(PineFormat.number(n, isInt: false))",
                        line: line, column: column)
                }
                count = Int(n)
            }
        }
        return ResolvedRequest(
            views: views, symbol: key, timeframe: tf, heikinAshi: id.heikinAshi, written: id.symbol, currency: target,
            barsCount: count)
    }

    /// Points `context` at requested bars of `timeframe`: the chart's own
    /// symbol and clock, or another symbol's properties (those pfopt does
    /// not know for it marked, so that reading them stops the run) and, when
    /// its time zone is known, its clock.
    func load(_ context: Runtime, bars: BarStore, timeframe: Timeframe, resolved r: ResolvedRequest, from rt: Runtime)
        throws(SecurityError)
    {
        context.timeframe = timeframe
        context.barDurationMs = timeframe.hasFixedLength ? timeframe.milliseconds : 0
        var zone = rt.clock.identifier
        var sessions = rt.sessionStarts
        // The requested symbol's currency (nil: unknown).
        var money: String?
        if r.symbol.isEmpty {
            money = CurrencyRateFunction.symbolCurrency(rt)
            context.mintick = rt.mintick
            context.pointvalue = rt.pointvalue
            context.symbol = rt.symbol
            context.unknownSymbolFields = []
            context.requestedTicker = ""
            context.requestedSymbolFile = ""
        } else {
            let requested = r.views.requestedSymbol(r.symbol)
            let (info, unknown) = requested.resolved(written: r.written)
            context.mintick = info.mintick
            context.pointvalue = info.pointvalue
            context.symbol = info
            context.unknownSymbolFields = unknown
            context.requestedTicker = r.written
            context.requestedSymbolFile = requested.symbolFile ?? "a symbol file"
            if !unknown.contains(.currency) && !info.currency.isEmpty { money = info.currency.uppercased() }
            if !unknown.contains(.timezone) {
                zone = info.timezone
                sessions = info.sessionStarts
            }
        }
        context.clock = ZoneClock(identifier: zone, sessionStarts: sessions, barDurationMs: context.barDurationMs)
        context.sessionStarts = sessions
        context.load(bars: try converted(bars, into: r, from: money, rt))
        context.accountFactors = []
        context.accountRateFailure = nil
        if usesAccountRate, rt.broker != nil {
            let account = rt.broker?.settings.accountCurrency?.uppercased() ?? CurrencyRateFunction.symbolCurrency(rt)
            let what = "strategy.convert_to_account / convert_to_symbol in the requested context of \(r.written)"
            if let account, let money {
                switch RequestedCurrency.factors(from: money, to: account, times: context.times, rt: rt) {
                case .success(let f): context.accountFactors = f ?? []
                case .failure:
                    context.accountRateFailure = CurrencyRateFunction.missingRate("\(what) (\(money) to \(account))", rt)
                }
            } else {
                context.accountRateFailure = "\(what): the currency of \(r.written) is unknown (give it a symbol file)"
            }
        }
        context.fileName = rt.fileName
        context.broker = nil
        context.security = nil
    }

    /// The requested bars in the currency `r` asks for (`currency =`), from
    /// the symbol's own currency `money` (nil: unknown).
    private func converted(_ bars: BarStore, into r: ResolvedRequest, from money: String?, _ rt: Runtime)
        throws(SecurityError) -> BarStore
    {
        guard let target = r.currency else { return bars }
        let what = "request.security(currency = \"\(target)\")"
        guard let money else {
            let whose = r.symbol.isEmpty ? "the chart's symbol" : r.written
            throw .money("\(what): the currency of \(whose) is unknown (give it a symbol file)")
        }
        switch RequestedCurrency.factors(from: money, to: target, times: bars.time, rt: rt) {
        case .success(let f): return f.map { RequestedCurrency.converted(bars, by: $0) } ?? bars
        case .failure: throw .money(CurrencyRateFunction.missingRate("\(what) on prices in \(money)", rt))
        }
    }
}
