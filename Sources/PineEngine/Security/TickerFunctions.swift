import PineLanguage

/// `ticker.*`: ticker ids for `request.*`. pfopt requests the data file's
/// bars as they are, or their Heikin Ashi bars; a session or adjustment
/// other than the data's is refused at the argument.
enum TickerFunctions {
    static func register(into t: inout [String: BuiltinImplementation]) {
        t["ticker.heikinashi"] = BuiltinImplementation { a in
            let f = try a.str(0)
            let line = a.range.start.line
            let column = a.range.start.column
            // A written ticker (the usual syminfo.tickerid is not one) is converted once, not on every bar.
            if let text = a.constString(0), case .success(var id) = TickerID.parse(text) {
                id.heikinAshi = true
                return .constant(id.text)
            }
            return .str({ rt in
                switch TickerID.parse(try f(rt)) {
                case .success(var id):
                    id.heikinAshi = true
                    return id.text
                case .failure(let e):
                    throw rt.error("ticker.heikinashi: \(e)", line: line, column: column)
                }
            }, nil)
        }
        t["ticker.standard"] = BuiltinImplementation { a in
            let f: StrFn = a.has(0) ? try a.str(0) : { rt in Self.chartTicker(rt) }
            return .str({ rt in
                let text = try f(rt)
                if case .success(let id) = TickerID.parse(text) { return id.symbol }
                return text
            }, nil)
        }
        t["ticker.new"] = BuiltinImplementation { a in
            for (i, what) in [(2, "session"), (3, "adjustment"), (4, "backadjustment"), (5, "settlement_as_close")]
            where a.has(i) && !Self.isNa(a.values[i]) {
                throw a.builder.error(
                    a.range(i),
                    "ticker.new(\(what)=...) asks for bars other than the data file's; pfopt requests the data as it is (leave \(what) out)")
            }
            let prefix = try a.str(0)
            let ticker = try a.str(1)
            return .str({ rt in
                let p = try prefix(rt)
                let s = try ticker(rt)
                return p.isEmpty ? s : p + ":" + s
            }, nil)
        }
    }

    private static func isNa(_ v: CompiledValue?) -> Bool {
        if case .na? = v { return true }
        return false
    }

    /// `syminfo.tickerid` of a runtime.
    static func chartTicker(_ rt: Runtime) -> String {
        guard let s = rt.symbol else { return "" }
        return s.prefix.isEmpty ? s.ticker : s.prefix + ":" + s.ticker
    }
}
