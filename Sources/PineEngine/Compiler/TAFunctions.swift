import PineLanguage

/// `ta.*`: each call site owns one indicator state (function isolation),
/// updated once per execution of the call.
enum TAFunctions {
    typealias Table = [String: BuiltinImplementation]

    /// `f(source, length)` indicators returning a number.
    private static func sourceLength<S>(
        _ t: inout Table, _ name: String, _ make: @escaping () -> S,
        _ update: @escaping (inout S, Double, Int) -> Double
    ) {
        t[name] = BuiltinImplementation { a in
            let src = try a.num(0)
            let len = try a.int(1)
            let st = a.builder.arena.state(make)
            return .num({ rt in update(&st.pointee, try src(rt), try len(rt)) }, .float, nil)
        }
    }

    /// `f(source, length)` indicators returning a bool.
    private static func sourceLengthBool<S>(
        _ t: inout Table, _ name: String, _ make: @escaping () -> S, _ update: @escaping (inout S, Double, Int) -> Bool
    ) {
        t[name] = BuiltinImplementation { a in
            let src = try a.num(0)
            let len = try a.int(1)
            let st = a.builder.arena.state(make)
            return .bool({ rt in update(&st.pointee, try src(rt), try len(rt)) }, nil)
        }
    }

    /// Two-series comparisons (crossover & co).
    private static func pair<S>(_ t: inout Table, _ name: String, _ make: @escaping () -> S, _ update: @escaping (inout S, Double, Double) -> Bool) {
        t[name] = BuiltinImplementation { a in
            let x = try a.num(0)
            let y = try a.num(1)
            let st = a.builder.arena.state(make)
            return .bool({ rt in update(&st.pointee, try x(rt), try y(rt)) }, nil)
        }
    }

    /// `highest(source, length)` or `highest(length)` (then over high/low).
    private static func extreme<S>(
        _ t: inout Table, _ name: String, defaultSource: @escaping (Runtime) -> Double, _ make: @escaping () -> S,
        _ update: @escaping (inout S, Double, Int) -> Double, type: ValueType = .float
    ) {
        t[name] = BuiltinImplementation { a in
            let src: NumFn
            let len: (Runtime) throws -> Int
            // Slots: source (absent in the `f(length)` overload), length.
            if a.has(0) {
                src = try a.num(0)
            } else {
                src = { rt in defaultSource(rt) }
            }
            len = try a.int(1)
            let st = a.builder.arena.state(make)
            return .num({ rt in update(&st.pointee, try src(rt), try len(rt)) }, type, nil)
        }
    }

    static func register(into t: inout Table) {
        sourceLength(&t, "ta.sma", SMAState.init) { $0.update($1, length: $2) }
        sourceLength(&t, "ta.ema", EMAState.init) { $0.update($1, length: $2) }
        sourceLength(&t, "ta.rma", RMAState.init) { $0.update($1, length: $2) }
        sourceLength(&t, "ta.wma", WMAState.init) { $0.update($1, length: $2) }
        sourceLength(&t, "ta.hma", HMAState.init) { $0.update($1, length: $2) }
        sourceLength(&t, "ta.rsi", RSIState.init) { $0.update($1, length: $2) }
        sourceLength(&t, "ta.cci", CCIState.init) { $0.update($1, length: $2) }
        sourceLength(&t, "ta.cmo", CMOState.init) { $0.update($1, length: $2) }
        sourceLength(&t, "ta.dev", DevState.init) { $0.update($1, length: $2) }
        sourceLength(&t, "ta.roc", ROCState.init) { $0.update($1, length: $2) }
        sourceLength(&t, "ta.mom", ChangeState.init) { $0.update($1, length: $2) }
        sourceLength(&t, "ta.range", RangeState.init) { $0.update($1, length: $2) }
        sourceLength(&t, "ta.median", MedianState.init) { $0.update($1, length: $2) }
        sourceLength(&t, "ta.mode", ModeState.init) { $0.update($1, length: $2) }
        sourceLength(&t, "ta.percentrank", PercentRankState.init) { $0.update($1, length: $2) }
        sourceLength(&t, "ta.cog", COGState.init) { $0.update($1, length: $2) }
        sourceLength(&t, "ta.rci", RCIState.init) { $0.update($1, length: $2) }
        t["ta.max"] = BuiltinImplementation { a in
            let src = try a.num(0)
            let st = a.builder.arena.state(MaxState.init)
            return .num({ rt in st.pointee.update(try src(rt)) }, a.type(0) == .int ? .int : .float, nil)
        }
        t["ta.min"] = BuiltinImplementation { a in
            let src = try a.num(0)
            let st = a.builder.arena.state(MinState.init)
            return .num({ rt in st.pointee.update(try src(rt)) }, a.type(0) == .int ? .int : .float, nil)
        }
        sourceLengthBool(&t, "ta.rising", RisingState.init) { $0.update($1, length: $2) }
        sourceLengthBool(&t, "ta.falling", FallingState.init) { $0.update($1, length: $2) }
        pair(&t, "ta.crossover", CrossoverState.init) { $0.update($1, $2) }
        pair(&t, "ta.crossunder", CrossunderState.init) { $0.update($1, $2) }
        pair(&t, "ta.cross", CrossState.init) { $0.update($1, $2) }
        extreme(&t, "ta.highest", defaultSource: { $0.high }, HighestState.init) { $0.update($1, length: $2) }
        extreme(&t, "ta.lowest", defaultSource: { $0.low }, LowestState.init) { $0.update($1, length: $2) }
        extreme(&t, "ta.highestbars", defaultSource: { $0.high }, HighestBarsState.init, { $0.update($1, length: $2) }, type: .int)
        extreme(&t, "ta.lowestbars", defaultSource: { $0.low }, LowestBarsState.init, { $0.update($1, length: $2) }, type: .int)

        t["ta.change"] = BuiltinImplementation { a in
            let len = try a.int(1, default: 1)
            if a.type(0) == .bool {
                let src = try a.bool(0)
                let st = a.builder.arena.state(ChangeState.init)
                return .bool({ rt in st.pointee.update(try src(rt), length: try len(rt)) }, nil)
            }
            let src = try a.num(0)
            let st = a.builder.arena.state(ChangeState.init)
            let type: ValueType = a.type(0) == .int ? .int : .float
            return .num({ rt in st.pointee.update(try src(rt), length: try len(rt)) }, type, nil)
        }
        t["ta.stdev"] = BuiltinImplementation { a in
            let src = try a.num(0)
            let len = try a.int(1)
            let biased = try a.bool(2, default: true)
            let st = a.builder.arena.state(StdevState.init)
            return .num({ rt in st.pointee.update(try src(rt), length: try len(rt), biased: try biased(rt)) }, .float, nil)
        }
        t["ta.variance"] = BuiltinImplementation { a in
            let src = try a.num(0)
            let len = try a.int(1)
            let biased = try a.bool(2, default: true)
            let st = a.builder.arena.state(VarianceState.init)
            return .num({ rt in st.pointee.update(try src(rt), length: try len(rt), biased: try biased(rt)) }, .float, nil)
        }
        t["ta.vwma"] = BuiltinImplementation { a in
            let src = try a.num(0)
            let len = try a.int(1)
            let st = a.builder.arena.state(VWMAState.init)
            return .num({ rt in st.pointee.update(try src(rt), volume: rt.volume, length: try len(rt)) }, .float, nil)
        }
        t["ta.swma"] = BuiltinImplementation { a in
            let src = try a.num(0)
            let st = a.builder.arena.state(SWMAState.init)
            return .num({ rt in st.pointee.update(try src(rt)) }, .float, nil)
        }
        t["ta.alma"] = BuiltinImplementation { a in
            let src = try a.num(0)
            let len = try a.int(1)
            let offset = try a.num(2)
            let sigma = try a.num(3)
            let floor = try a.bool(4, default: false)
            let st = a.builder.arena.state(ALMAState.init)
            return .num({ rt in
                st.pointee.update(try src(rt), length: try len(rt), offset: try offset(rt), sigma: try sigma(rt), floor: try floor(rt))
            }, .float, nil)
        }
        t["ta.linreg"] = BuiltinImplementation { a in
            let src = try a.num(0)
            let len = try a.int(1)
            let offset = try a.int(2, default: 0)
            let st = a.builder.arena.state(LinRegState.init)
            return .num({ rt in st.pointee.update(try src(rt), length: try len(rt), offset: try offset(rt)) }, .float, nil)
        }
        t["ta.atr"] = BuiltinImplementation { a in
            let len = try a.int(0)
            let st = a.builder.arena.state(ATRState.init)
            return .num({ rt in st.pointee.update(length: try len(rt), high: rt.high, low: rt.low, close: rt.close) }, .float, nil)
        }
        t["ta.tr"] = BuiltinImplementation { a in
            let handle = try a.bool(0, default: false)
            let st = a.builder.arena.state(TRState.init)
            return .num({ rt in st.pointee.update(high: rt.high, low: rt.low, close: rt.close, handleNA: try handle(rt)) }, .float, nil)
        }
        t["ta.wpr"] = BuiltinImplementation { a in
            let len = try a.int(0)
            let st = a.builder.arena.state(WPRState.init)
            return .num({ rt in st.pointee.update(length: try len(rt), high: rt.high, low: rt.low, close: rt.close) }, .float, nil)
        }
        t["ta.mfi"] = BuiltinImplementation { a in
            let src = try a.num(0)
            let len = try a.int(1)
            let st = a.builder.arena.state(MFIState.init)
            return .num({ rt in st.pointee.update(try src(rt), volume: rt.volume, length: try len(rt)) }, .float, nil)
        }
        t["ta.stoch"] = BuiltinImplementation { a in
            let src = try a.num(0)
            let hi = try a.num(1)
            let lo = try a.num(2)
            let len = try a.int(3)
            let st = a.builder.arena.state(StochState.init)
            return .num({ rt in st.pointee.update(try src(rt), high: try hi(rt), low: try lo(rt), length: try len(rt)) }, .float, nil)
        }
        t["ta.bbw"] = BuiltinImplementation { a in
            let src = try a.num(0)
            let len = try a.int(1)
            let mult = try a.num(2)
            let st = a.builder.arena.state(BBWState.init)
            return .num({ rt in st.pointee.update(try src(rt), length: try len(rt), mult: try mult(rt)) }, .float, nil)
        }
        t["ta.kcw"] = BuiltinImplementation { a in
            let src = try a.num(0)
            let len = try a.int(1)
            let mult = try a.num(2)
            let tr = try a.bool(3, default: true)
            let st = a.builder.arena.state(KCWState.init)
            return .num({ rt in
                st.pointee.update(try src(rt), length: try len(rt), mult: try mult(rt), useTrueRange: try tr(rt), high: rt.high, low: rt.low, close: rt.close)
            }, .float, nil)
        }
        t["ta.pivothigh"] = pivot(PivotHighState.init, defaultSource: { $0.high }) { $0.update($1, leftBars: $2, rightBars: $3) }
        t["ta.pivotlow"] = pivot(PivotLowState.init, defaultSource: { $0.low }) { $0.update($1, leftBars: $2, rightBars: $3) }
        t["ta.valuewhen"] = BuiltinImplementation { a in
            let c = try a.bool(0)
            let src = try a.num(1)
            let occ = try a.int(2)
            let st = a.builder.arena.state(ValueWhenState.init)
            return .num({ rt in st.pointee.update(try c(rt), try src(rt), occurrence: try occ(rt)) }, a.type(1) == .int ? .int : .float, nil)
        }
        t["ta.barssince"] = BuiltinImplementation { a in
            let c = try a.bool(0)
            let st = a.builder.arena.state(BarsSinceState.init)
            return .num({ rt in st.pointee.update(try c(rt)) }, .int, nil)
        }
        t["ta.cum"] = BuiltinImplementation { a in
            let src = try a.num(0)
            let st = a.builder.arena.state(CumState.init)
            return .num({ rt in st.pointee.update(try src(rt)) }, .float, nil)
        }
        for (name, pct) in [("ta.percentile_linear_interpolation", true), ("ta.percentile_nearest_rank", false)] {
            t[name] = BuiltinImplementation { a in
                let src = try a.num(0)
                let len = try a.int(1)
                let p = try a.num(2)
                if pct {
                    let st = a.builder.arena.state(PercentileLinearInterpolationState.init)
                    return .num({ rt in st.pointee.update(try src(rt), length: try len(rt), percentage: try p(rt)) }, .float, nil)
                }
                let st = a.builder.arena.state(PercentileNearestRankState.init)
                return .num({ rt in st.pointee.update(try src(rt), length: try len(rt), percentage: try p(rt)) }, .float, nil)
            }
        }
        t["ta.sar"] = BuiltinImplementation { a in
            let start = try a.num(0)
            let inc = try a.num(1)
            let mx = try a.num(2)
            let st = a.builder.arena.state(SARState.init)
            return .num({ rt in
                st.pointee.update(start: try start(rt), increment: try inc(rt), maximum: try mx(rt), high: rt.high, low: rt.low, close: rt.close)
            }, .float, nil)
        }
        t["ta.tsi"] = BuiltinImplementation { a in
            let src = try a.num(0)
            let s = try a.int(1)
            let l = try a.int(2)
            let st = a.builder.arena.state(TSIState.init)
            return .num({ rt in st.pointee.update(try src(rt), shortLength: try s(rt), longLength: try l(rt)) }, .float, nil)
        }
        t["ta.correlation"] = BuiltinImplementation { a in
            let x = try a.num(0)
            let y = try a.num(1)
            let len = try a.int(2)
            let st = a.builder.arena.state(CorrelationState.init)
            return .num({ rt in st.pointee.update(try x(rt), try y(rt), length: try len(rt)) }, .float, nil)
        }
        t["ta.vwap"] = BuiltinImplementation { a in
            let src = try a.num(0)
            let st = a.builder.arena.state(VWAPState.init)
            let isNewPeriod: BoolFn
            if a.has(1) {
                isNewPeriod = try a.bool(1)
            } else {
                isNewPeriod = newSession(a.builder.arena)
            }
            if a.has(2) {
                let mult = try a.num(2)
                return tuple(a, 3) { rt, out in
                    let r = st.pointee.update(
                        try src(rt), volume: rt.volume, isNewPeriod: try isNewPeriod(rt), stdevMult: try mult(rt))
                    out[0] = r.vwap
                    out[1] = r.upper
                    out[2] = r.lower
                }
            }
            return .num({ rt in st.pointee.update(try src(rt), volume: rt.volume, isNewPeriod: try isNewPeriod(rt)).vwap }, .float, nil)
        }
        t["ta.pivot_point_levels"] = BuiltinImplementation { a in
            let type = try a.str(0)
            let anchor = try a.bool(1)
            let developing = try a.bool(2, default: false)
            let st = a.builder.arena.state(PivotPointLevelsState.init)
            let current = a.builder.arena.state { PineArray(count: 0, fill: .nan) }
            let range = a.range(0)
            return .array({ rt in
                let name = try type(rt)
                guard let kind = PivotPointType.allCases.first(where: { $0.rawValue == name }) else {
                    throw rt.error(
                        "ta.pivot_point_levels(): unknown type \"\(name)\" (use Traditional, Fibonacci, Woodie, Classic, DM or Camarilla)",
                        line: range.start.line, column: range.start.column)
                }
                let levels = st.pointee.update(
                    type: kind, anchor: try anchor(rt), developing: try developing(rt),
                    open: rt.open, high: rt.high, low: rt.low, close: rt.close)
                // A new array only when the levels change (once per anchor period).
                let array = current.pointee
                if array.values.count == 11, (0..<11).allSatisfy({ same(array.values[$0], levels[$0]) }) {
                    return array
                }
                let fresh = PineArray(count: 11, fill: .nan)
                for i in 0..<11 { fresh.values[i] = levels[i] }
                current.pointee = fresh
                return fresh
            }, .float)
        }
        registerTuples(into: &t)
    }

    /// `ta.*` names used as variables (`ta.obv`, `ta.tr`, `ta.vwap`): series
    /// with a value on every bar, also where they are read inside code that
    /// does not run on every bar (an `if` body, a ternary arm, the right of
    /// `and`/`or`, a loop, a function called only sometimes). Those with
    /// state are computed once per bar by the builder (`everyBarSeries`), so
    /// every read returns the same bar's value.
    static func variable(_ name: String, builder: InstanceBuilder) -> CompiledValue? {
        let arena = builder.arena
        switch name {
        case "ta.tr":
            return builder.everyBarSeries(name) {
                let st = arena.state(TRState.init)
                return { rt in st.pointee.update(high: rt.high, low: rt.low, close: rt.close, handleNA: false) }
            }
        case "ta.obv":
            return builder.everyBarSeries(name) {
                let st = arena.state(OBVState.init)
                return { rt in st.pointee.update(close: rt.close, volume: rt.volume) }
            }
        case "ta.accdist":
            return builder.everyBarSeries(name) {
                let st = arena.state(AccDistState.init)
                return { rt in st.pointee.update(high: rt.high, low: rt.low, close: rt.close, volume: rt.volume) }
            }
        case "ta.pvt":
            return builder.everyBarSeries(name) {
                let st = arena.state(PVTState.init)
                return { rt in st.pointee.update(close: rt.close, volume: rt.volume) }
            }
        case "ta.vwap":
            return builder.everyBarSeries(name) {
                let st = arena.state(VWAPState.init)
                let isNew = newSession(arena)
                return { rt in st.pointee.update(rt.hlc3, volume: rt.volume, isNewPeriod: try isNew(rt)).vwap }
            }
        case "ta.pvi":
            return builder.everyBarSeries(name) {
                let st = arena.state(PVIState.init)
                return { rt in st.pointee.update(close: rt.close, volume: rt.volume) }
            }
        case "ta.nvi":
            return builder.everyBarSeries(name) {
                let st = arena.state(NVIState.init)
                return { rt in st.pointee.update(close: rt.close, volume: rt.volume) }
            }
        case "ta.wad":
            return builder.everyBarSeries(name) {
                let st = arena.state(WADState.init)
                return { rt in st.pointee.update(high: rt.high, low: rt.low, close: rt.close) }
            }
        case "ta.iii":
            return .num({ rt in VolumeIndicators.iii(high: rt.high, low: rt.low, close: rt.close, volume: rt.volume) }, .float, nil)
        case "ta.wvad":
            return .num({ rt in
                VolumeIndicators.wvad(open: rt.open, high: rt.high, low: rt.low, close: rt.close, volume: rt.volume)
            }, .float, nil)
        default:
            return nil
        }
    }

    /// True on the first bar of each trading session of the exchange (the feed's first
    /// bar starts one): the reset of `ta.vwap(source)`.
    private static func newSession(_ arena: Arena) -> BoolFn {
        let last = arena.cell(.nan)
        return { rt in
            let start = Double(rt.clock.sessionStart(rt.time))
            defer { last.pointee = start }
            return start != last.pointee
        }
    }

    /// Equal numbers, or both `na`.
    private static func same(_ x: Double, _ y: Double) -> Bool { x == y || (x.isNaN && y.isNaN) }

    private static func pivot<S>(
        _ make: @escaping () -> S, defaultSource: @escaping (Runtime) -> Double,
        _ update: @escaping (inout S, Double, Int, Int) -> Double
    ) -> BuiltinImplementation {
        BuiltinImplementation { a in
            let src: NumFn
            let left: (Runtime) throws -> Int
            let right: (Runtime) throws -> Int
            // Slots: source (absent in the `f(leftbars, rightbars)` overload), leftbars, rightbars.
            if a.has(0) {
                src = try a.num(0)
            } else {
                src = { rt in defaultSource(rt) }
            }
            left = try a.int(1)
            right = try a.int(2)
            let st = a.builder.arena.state(make)
            return .num({ rt in update(&st.pointee, try src(rt), try left(rt), try right(rt)) }, .float, nil)
        }
    }

    /// Multi-output indicators: the call computes every element once into
    /// cells, then the tuple's elements read them.
    private static func tuple(
        _ a: BoundArguments, _ count: Int, _ compute: @escaping (Runtime, UnsafeMutablePointer<Double>) throws -> Void
    ) -> CompiledValue {
        let out = a.builder.arena.cells(count)
        let elements: [CompiledValue] = (0..<count).map { i in .num({ _ in out[i] }, .float, nil) }
        return .tuple(prepare: { rt in
            try compute(rt, out)
            return .normal
        }, elements: elements)
    }

    private static func registerTuples(into t: inout Table) {
        t["ta.supertrend"] = BuiltinImplementation { a in
            let factor = try a.num(0)
            let period = try a.int(1)
            let st = a.builder.arena.state(SupertrendState.init)
            return tuple(a, 2) { rt, out in
                let r = st.pointee.update(factor: try factor(rt), atrPeriod: try period(rt), high: rt.high, low: rt.low, close: rt.close)
                out[0] = r.supertrend
                out[1] = r.direction
            }
        }
        t["ta.dmi"] = BuiltinImplementation { a in
            let di = try a.int(0)
            let adx = try a.int(1)
            let st = a.builder.arena.state(DMIState.init)
            return tuple(a, 3) { rt, out in
                let r = st.pointee.update(diLength: try di(rt), adxSmoothing: try adx(rt), high: rt.high, low: rt.low, close: rt.close)
                out[0] = r.plus
                out[1] = r.minus
                out[2] = r.adx
            }
        }
        t["ta.macd"] = BuiltinImplementation { a in
            let src = try a.num(0)
            let f = try a.int(1)
            let s = try a.int(2)
            let g = try a.int(3)
            let st = a.builder.arena.state(MACDState.init)
            return tuple(a, 3) { rt, out in
                let r = st.pointee.update(try src(rt), fastLength: try f(rt), slowLength: try s(rt), signalLength: try g(rt))
                out[0] = r.macd
                out[1] = r.signal
                out[2] = r.hist
            }
        }
        t["ta.bb"] = BuiltinImplementation { a in
            let src = try a.num(0)
            let len = try a.int(1)
            let mult = try a.num(2)
            let st = a.builder.arena.state(BBState.init)
            return tuple(a, 3) { rt, out in
                let r = st.pointee.update(try src(rt), length: try len(rt), mult: try mult(rt))
                out[0] = r.middle
                out[1] = r.upper
                out[2] = r.lower
            }
        }
        t["ta.kc"] = BuiltinImplementation { a in
            let src = try a.num(0)
            let len = try a.int(1)
            let mult = try a.num(2)
            let tr = try a.bool(3, default: true)
            let st = a.builder.arena.state(KCState.init)
            return tuple(a, 3) { rt, out in
                let r = st.pointee.update(
                    try src(rt), length: try len(rt), mult: try mult(rt), useTrueRange: try tr(rt), high: rt.high, low: rt.low,
                    close: rt.close)
                out[0] = r.middle
                out[1] = r.upper
                out[2] = r.lower
            }
        }
    }
}

