import PFData

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
    /// The first requested bar the expression runs on (`calc_bars_count`; 0: all).
    @exclusivity(unchecked) private var first = 0
    /// The last requested bar evaluated in this run, counted from `first`;
    /// `na` (the arena's reset) before the run resolved them.
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
                    first = r.barsCount.map { b.firstOfLast($0) } ?? 0
                    try request.load(context, bars: b.bars.dropping(first), timeframe: r.timeframe, resolved: r, from: rt)
                    bars = b
                } catch {
                    throw rt.error("\(error)", line: request.line, column: request.column)
                }
            }
            progress.pointee = -1
        }
        guard let bars else { return false }
        let i = rt.barIndex
        let target = bars.index(chartBar: i, lookahead: request.lookahead) - first
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
            let previous = i > 0 ? bars.index(chartBar: i - 1, lookahead: request.lookahead) - first : -1
            return previous != target
        }
        return true
    }
}
