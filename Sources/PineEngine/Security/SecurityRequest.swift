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
        return ResolvedRequest(views: views, symbol: key, timeframe: tf, heikinAshi: id.heikinAshi)
    }

    /// Points `context` at requested bars of `timeframe`, with the chart's
    /// clock and symbol (the symbol only for the chart's own).
    func load(_ context: Runtime, bars: BarStore, timeframe: Timeframe, ownSymbol: Bool, from rt: Runtime) {
        context.load(bars: bars)
        context.mintick = rt.mintick
        context.pointvalue = rt.pointvalue
        context.symbol = ownSymbol ? rt.symbol : nil
        context.timeframe = timeframe
        context.barDurationMs = timeframe.hasFixedLength ? timeframe.milliseconds : 0
        context.clock = ZoneClock(
            identifier: rt.clock.identifier, sessionStarts: rt.sessionStarts, barDurationMs: context.barDurationMs)
        context.sessionStarts = rt.sessionStarts
        context.fileName = rt.fileName
        context.broker = nil
        context.security = nil
    }
}
