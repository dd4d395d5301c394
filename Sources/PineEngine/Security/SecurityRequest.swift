import PFData

/// A `request.*` call's arguments read in the chart's context.
struct SecurityRequest {
    let symbol: StrFn
    let timeframe: StrFn
    let lookahead: Bool
    let gaps: Bool
    let ignoreInvalidSymbol: Bool
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
        return ResolvedRequest(views: views, symbol: key, timeframe: tf, heikinAshi: id.heikinAshi, written: id.symbol)
    }

    /// Points `context` at requested bars of `timeframe`: the chart's own
    /// symbol and clock, or another symbol's properties (those pfopt does
    /// not know for it marked, so that reading them stops the run) and, when
    /// its time zone is known, its clock.
    func load(_ context: Runtime, bars: BarStore, timeframe: Timeframe, resolved r: ResolvedRequest, from rt: Runtime) {
        context.load(bars: bars)
        context.timeframe = timeframe
        context.barDurationMs = timeframe.hasFixedLength ? timeframe.milliseconds : 0
        var zone = rt.clock.identifier
        var sessions = rt.sessionStarts
        if r.symbol.isEmpty {
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
            if !unknown.contains(.timezone) {
                zone = info.timezone
                sessions = info.sessionStarts
            }
        }
        context.clock = ZoneClock(identifier: zone, sessionStarts: sessions, barDurationMs: context.barDurationMs)
        context.sessionStarts = sessions
        context.fileName = rt.fileName
        context.broker = nil
        context.security = nil
    }
}
