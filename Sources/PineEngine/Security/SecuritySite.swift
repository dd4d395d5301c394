import PFData

/// A requested context: whose bars (a key of `SecurityViews`, "" for the
/// chart's symbol), at which timeframe, plain or Heikin Ashi.
struct ResolvedRequest {
    let views: SecurityViews
    let symbol: String
    let timeframe: Timeframe
    let heikinAshi: Bool
}

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

/// One `request.security` call site of an instance: its own runtime over
/// the requested bars, where the expression is evaluated once per requested
/// bar, in order, as far as the chart bar needs (the catch-up also covers
/// bars on which the call did not run).
final class SecuritySite {
    let request: SecurityRequest
    /// Computes the globals the expression reads, on each requested bar.
    let prelude: ExecFn?
    /// Evaluates the expression on the context's current bar and keeps its value(s).
    @exclusivity(unchecked) var evaluate: (Runtime) throws -> Void = { _ in }
    /// The requested context's runtime.
    let context = Runtime()
    /// True when the current chart bar shows a value (set by the reader).
    @exclusivity(unchecked) var visible = false
    /// The requested bars of this run.
    @exclusivity(unchecked) private var bars: SecurityBars?
    /// The last requested bar evaluated in this run; `na` (the arena's reset) before the run resolved them.
    private let progress: UnsafeMutablePointer<Double>

    init(request: SecurityRequest, prelude: ExecFn?, progress: UnsafeMutablePointer<Double>) {
        self.request = request
        self.prelude = prelude
        self.progress = progress
    }

    /// Brings the requested context up to the bar chart bar `rt.barIndex`
    /// reads; false when that bar shows `na` (none yet, or a gap).
    func update(_ rt: Runtime) throws -> Bool {
        if progress.pointee.isNaN {
            bars = nil
            if let r = try request.resolve(rt) {
                do {
                    let b = try r.views.requested(symbol: r.symbol, timeframe: r.timeframe, heikinAshi: r.heikinAshi)
                    request.load(context, bars: b.bars, timeframe: r.timeframe, ownSymbol: r.symbol.isEmpty, from: rt)
                    bars = b
                } catch {
                    throw rt.error("\(error)", line: request.line, column: request.column)
                }
            }
            progress.pointee = -1
        }
        guard let bars else { return false }
        let i = rt.barIndex
        let target = bars.index(chartBar: i, lookahead: request.lookahead)
        var k = Int(progress.pointee)
        while k < target {
            k += 1
            context.enter(bar: k)
            if let prelude { _ = try prelude(context) }
            try evaluate(context)
        }
        progress.pointee = Double(k)
        guard target >= 0 else { return false }
        if request.gaps {
            let previous = i > 0 ? bars.index(chartBar: i - 1, lookahead: request.lookahead) : -1
            return previous != target
        }
        return true
    }
}

/// One `request.security_lower_tf` call site: the expression (one value or
/// a tuple) evaluated on every lower-timeframe bar, in order; each chart bar
/// gets new arrays of the values of the lower-timeframe bars that opened
/// inside it, one array per value.
final class LowerTimeframeSite {
    /// How one requested value is read on a lower-timeframe bar.
    enum Value {
        case number(NumFn)
        case text(StrFn)
    }

    let request: SecurityRequest
    let prelude: ExecFn?
    /// Runs before the values are read (a tuple's shared work).
    let prepare: ExecFn?
    let values: [Value]
    let context = Runtime()
    @exclusivity(unchecked) private var bars: LowerTimeframeBars?
    private let progress: UnsafeMutablePointer<Double>
    /// The chart bar the last arrays were made for, and those arrays.
    @exclusivity(unchecked) private var lastBar = -1
    @exclusivity(unchecked) private(set) var arrays: [PineArray]

    init(
        request: SecurityRequest, prelude: ExecFn?, prepare: ExecFn?, values: [Value],
        progress: UnsafeMutablePointer<Double>
    ) {
        self.request = request
        self.prelude = prelude
        self.prepare = prepare
        self.values = values
        self.progress = progress
        arrays = values.map(Self.emptyArray)
    }

    private static func emptyArray(_ v: Value) -> PineArray {
        switch v {
        case .number: return PineArray(count: 0, fill: .nan)
        case .text: return PineArray(strings: [])
        }
    }

    /// Brings the arrays up to chart bar `rt.barIndex`.
    func update(_ rt: Runtime) throws {
        if progress.pointee.isNaN {
            bars = nil
            lastBar = -1
            if let r = try request.resolve(rt) {
                do {
                    let b = try r.views.lower(symbol: r.symbol, timeframe: r.timeframe, heikinAshi: r.heikinAshi)
                    request.load(context, bars: b.bars, timeframe: r.timeframe, ownSymbol: r.symbol.isEmpty, from: rt)
                    bars = b
                } catch {
                    throw rt.error("\(error)", line: request.line, column: request.column)
                }
            }
            progress.pointee = -1
        }
        let i = rt.barIndex
        if i == lastBar { return }
        // Arrays are references a script may keep: each chart bar gets new ones.
        for n in values.indices { arrays[n] = Self.emptyArray(values[n]) }
        if let bars {
            let start = Int(bars.start[i])
            let end = Int(bars.end[i])
            var k = Int(progress.pointee)
            while k + 1 < end {
                k += 1
                context.enter(bar: k)
                if let prelude { _ = try prelude(context) }
                if let prepare { _ = try prepare(context) }
                for (n, v) in values.enumerated() {
                    switch v {
                    case .number(let f):
                        let x = try f(context)
                        if k >= start { arrays[n].values.append(x) }
                    case .text(let f):
                        let x = try f(context)
                        if k >= start { arrays[n].strings.append(x) }
                    }
                }
            }
            progress.pointee = Double(k)
        }
        lastBar = i
    }
}
