import PFData

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
    /// The first lower-timeframe bar the expression runs on (`calc_bars_count`; 0: all).
    @exclusivity(unchecked) private var first = 0
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
                    first = r.barsCount.map { b.firstOfLast($0) } ?? 0
                    try request.load(context, bars: b.bars.dropping(first), timeframe: r.timeframe, resolved: r, from: rt)
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
            // Bars before `first` are outside the requested data (`calc_bars_count`).
            var k = Swift.max(Int(progress.pointee), first - 1)
            while k + 1 < end {
                k += 1
                context.enter(bar: k - first)
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
