import Foundation

#if canImport(PineEngine)
    import PineEngine
#endif

/// Runs the `ta.*` states over a fixture's bars, one state per exported expression (like one
/// call site each), and returns the computed columns keyed by the export's headers.
enum TAFixtureRuns {
    struct Bars {
        let open: [Double]
        let high: [Double]
        let low: [Double]
        let close: [Double]
        let volume: [Double]
        var count: Int { close.count }
        func hl2(_ i: Int) -> Double { (high[i] + low[i]) / 2 }
        func hlc3(_ i: Int) -> Double { (high[i] + low[i] + close[i]) / 3 }
        func ohlc4(_ i: Int) -> Double { (open[i] + high[i] + low[i] + close[i]) / 4 }
        func hlcc4(_ i: Int) -> Double { (high[i] + low[i] + close[i] + close[i]) / 4 }
    }

    static func bars(_ f: TAFixture) throws -> Bars {
        try Bars(open: f.open, high: f.high, low: f.low, close: f.close, volume: f.volume)
    }

    /// Builds a column by calling `body` for each bar index.
    static func column(_ n: Int, _ body: (Int) -> Double) -> [Double] {
        var out = [Double]()
        out.reserveCapacity(n)
        for i in 0..<n { out.append(body(i)) }
        return out
    }

    static func flag(_ b: Bool, _ value: Double) -> Double { b ? value : 0 }

    static func movingAverages(_ b: Bars) -> [String: [Double]] {
        let n = b.count
        var r: [String: [Double]] = [:]
        var s1 = SMAState(), s2 = SMAState(), s3 = SMAState()
        r["ta.sma(close, 10)"] = column(n) { s1.update(b.close[$0], length: 10) }
        r["ta.sma(hl2, 20)"] = column(n) { s2.update(b.hl2($0), length: 20) }
        r["ta.sma(hlc3, 15)"] = column(n) { s3.update(b.hlc3($0), length: 15) }
        var e1 = EMAState(), e2 = EMAState()
        r["ta.ema(close, 20)"] = column(n) { e1.update(b.close[$0], length: 20) }
        r["ta.ema(ohlc4, 10)"] = column(n) { e2.update(b.ohlc4($0), length: 10) }
        var r1 = RMAState(), r2 = RMAState()
        r["ta.rma(hlcc4, 5)"] = column(n) { r1.update(b.hlcc4($0), length: 5) }
        r["ta.rma(high, 15)"] = column(n) { r2.update(b.high[$0], length: 15) }
        var a1 = ALMAState(), a2 = ALMAState()
        r["ta.alma(close, 5, 0.85, 6)"] = column(n) {
            a1.update(b.close[$0], length: 5, offset: 0.85, sigma: 6)
        }
        r["ta.alma(close, 10, 0.55, 12)"] = column(n) {
            a2.update(b.close[$0], length: 10, offset: 0.55, sigma: 12)
        }
        var w1 = WMAState(), w2 = WMAState()
        r["ta.wma(close, 5)"] = column(n) { w1.update(b.close[$0], length: 5) }
        r["ta.wma(close, 20)"] = column(n) { w2.update(b.close[$0], length: 20) }
        var h1 = HMAState(), h2 = HMAState()
        r["ta.hma(close, 9)"] = column(n) { h1.update(b.close[$0], length: 9) }
        r["ta.hma(close, 20)"] = column(n) { h2.update(b.close[$0], length: 20) }
        var sw = SWMAState()
        r["ta.swma(hlc3)"] = column(n) { sw.update(b.hlc3($0)) }
        var vw = VWMAState()
        r["ta.vwma(close, 20)"] = column(n) {
            vw.update(b.close[$0], volume: b.volume[$0], length: 20)
        }
        return r
    }

    static func volumeBuiltins(_ b: Bars) -> [String: [Double]] {
        let n = b.count
        var r: [String: [Double]] = [:]
        var ad = AccDistState(), pvi = PVIState(), pvt = PVTState(), wad = WADState()
        r["ta.accdist"] = column(n) {
            ad.update(high: b.high[$0], low: b.low[$0], close: b.close[$0], volume: b.volume[$0])
        }
        r["ta.pvi"] = column(n) { pvi.update(close: b.close[$0], volume: b.volume[$0]) }
        r["ta.pvt"] = column(n) { pvt.update(close: b.close[$0], volume: b.volume[$0]) }
        r["ta.wad"] = column(n) { wad.update(high: b.high[$0], low: b.low[$0], close: b.close[$0]) }
        r["ta.wvad"] = column(n) {
            VolumeIndicators.wvad(
                open: b.open[$0], high: b.high[$0], low: b.low[$0], close: b.close[$0],
                volume: b.volume[$0])
        }
        return r
    }

    static func iiiNviObv(_ b: Bars) -> [String: [Double]] {
        let n = b.count
        var nvi = NVIState(), obv = OBVState()
        return [
            "ta.iii": column(n) {
                VolumeIndicators.iii(
                    high: b.high[$0], low: b.low[$0], close: b.close[$0], volume: b.volume[$0])
            },
            "ta.nvi": column(n) { nvi.update(close: b.close[$0], volume: b.volume[$0]) },
            "ta.obv": column(n) { obv.update(close: b.close[$0], volume: b.volume[$0]) },
        ]
    }

    static func bollinger(_ b: Bars) -> [String: [Double]] {
        let n = b.count
        var bb = BBState(), bbw = BBWState()
        var base = [Double](), upper = [Double](), lower = [Double]()
        for i in 0..<n {
            let v = bb.update(b.close[i], length: 20, mult: 2)
            base.append(v.middle)
            upper.append(v.upper)
            lower.append(v.lower)
        }
        return [
            "ta.bb(close, 20, 2).base": base, "ta.bb(close, 20, 2).upper": upper,
            "ta.bb(close, 20, 2).lower": lower,
            "ta.bbw(close, 20, 2.1)": column(n) { bbw.update(b.close[$0], length: 20, mult: 2.1) },
        ]
    }

    static func keltner(_ b: Bars) -> [String: [Double]] {
        let n = b.count
        var kc = KCState(), kcw = KCWState()
        var base = [Double](), upper = [Double](), lower = [Double]()
        for i in 0..<n {
            let v = kc.update(
                b.close[i], length: 20, mult: 2, high: b.high[i], low: b.low[i], close: b.close[i])
            base.append(v.middle)
            upper.append(v.upper)
            lower.append(v.lower)
        }
        return [
            "ta.kc(close, 20, 2).base": base, "ta.kc(close, 20, 2).upper": upper,
            "ta.kc(close, 20, 2).lower": lower,
            "ta.kcw(close, 20, 2.1, useTrueRange=false)": column(n) {
                kcw.update(
                    b.close[$0], length: 20, mult: 2.1, useTrueRange: false,
                    high: b.high[$0], low: b.low[$0], close: b.close[$0])
            },
        ]
    }

    static func oscillators(_ b: Bars) -> [String: [Double]] {
        let n = b.count
        var cmo = CMOState(), cci = CCIState(), cog = COGState()
        return [
            "ta.cmo(close, 20)": column(n) { cmo.update(b.close[$0], length: 20) },
            "ta.cci(close, 20)": column(n) { cci.update(b.close[$0], length: 20) },
            "ta.cog(close, 21)": column(n) { cog.update(b.close[$0], length: 21) },
        ]
    }

    static func correlation(_ b: Bars) -> [String: [Double]] {
        var sma = SMAState(), ema = EMAState(), corr = CorrelationState()
        return [
            "correlation": column(b.count) {
                corr.update(
                    sma.update(b.close[$0], length: 20), ema.update(b.close[$0], length: 10),
                    length: 20)
            }
        ]
    }

    static func crosses(_ b: Bars) -> [String: [Double]] {
        var e1 = EMAState(), e2 = EMAState()
        var x = CrossState(), xo = CrossoverState(), xu = CrossunderState()
        var cross = [Double](), over = [Double](), under = [Double]()
        for i in 0..<b.count {
            let a = e1.update(b.close[i], length: 5)
            let c = e2.update(b.close[i], length: 11)
            cross.append(flag(x.update(a, c), 0.5))
            over.append(flag(xo.update(a, c), 1))
            under.append(flag(xu.update(a, c), -1))
        }
        return [
            "ta.cross(ema1, ema2)": cross, "ta.crossover(ema1, ema2)": over,
            "ta.crossunder(ema1, ema2)": under,
        ]
    }

    static func dmi(_ b: Bars) -> [String: [Double]] {
        var dmi = DMIState()
        var p = [Double](), m = [Double](), a = [Double]()
        for i in 0..<b.count {
            let v = dmi.update(
                diLength: 17, adxSmoothing: 14, high: b.high[i], low: b.low[i], close: b.close[i])
            p.append(v.plus)
            m.append(v.minus)
            a.append(v.adx)
        }
        return ["ta.dmi(17, 14).dip": p, "ta.dmi(17, 14).dim": m, "ta.dmi(17, 14).adx": a]
    }

    static func risingFalling(_ b: Bars) -> [String: [Double]] {
        var ema = EMAState(), fall = FallingState(), rise = RisingState()
        var f = [Double](), r = [Double]()
        for i in 0..<b.count {
            let e = ema.update(b.close[i], length: 20)
            f.append(flag(fall.update(e, length: 5), -1))
            r.append(flag(rise.update(e, length: 5), 1))
        }
        return ["ta.falling(ema, 5)": f, "ta.rising(ema, 5)": r]
    }

    static func extremes(_ b: Bars) -> [String: [Double]] {
        let n = b.count
        var h1 = HighestState(), h2 = HighestState(), l1 = LowestState(), l2 = LowestState()
        var hb1 = HighestBarsState(), hb2 = HighestBarsState()
        var lb1 = LowestBarsState(), lb2 = LowestBarsState()
        return [
            "ta.highest(10)": column(n) { h1.update(b.high[$0], length: 10) },
            "ta.highest(close, 10)": column(n) { h2.update(b.close[$0], length: 10) },
            "ta.lowest(10)": column(n) { l1.update(b.low[$0], length: 10) },
            "ta.lowest(close, 10)": column(n) { l2.update(b.close[$0], length: 10) },
            "ta.highestbars(10)": column(n) { hb1.update(b.high[$0], length: 10) },
            "ta.highestbars(close, 10)": column(n) { hb2.update(b.close[$0], length: 10) },
            "ta.lowestbars(10)": column(n) { lb1.update(b.low[$0], length: 10) },
            "ta.lowestbars(close, 10)": column(n) { lb2.update(b.close[$0], length: 10) },
        ]
    }

    static func linreg(_ b: Bars) -> [String: [Double]] {
        var l1 = LinRegState(), l2 = LinRegState()
        return [
            "ta.linreg(close, 20, 0)": column(b.count) {
                l1.update(b.close[$0], length: 20, offset: 0)
            },
            "ta.linreg(close, 20, 10)": column(b.count) {
                l2.update(b.close[$0], length: 20, offset: 10)
            },
        ]
    }

    static func macd(_ b: Bars) -> [String: [Double]] {
        var st = MACDState()
        var m = [Double](), s = [Double](), h = [Double]()
        for i in 0..<b.count {
            let v = st.update(b.close[i], fastLength: 12, slowLength: 26, signalLength: 9)
            m.append(v.macd)
            s.append(v.signal)
            h.append(v.hist)
        }
        return [
            "ta.macd(close, 12, 26, 9).macd": m, "ta.macd(close, 12, 26, 9).signal": s,
            "ta.macd(close, 12, 26, 9).hist": h,
        ]
    }

    static func mfiRsiStoch(_ b: Bars) -> [String: [Double]] {
        let n = b.count
        var mfi = MFIState(), rsi = RSIState(), stoch = StochState()
        return [
            "ta.mfi(close, 14)": column(n) {
                mfi.update(b.close[$0], volume: b.volume[$0], length: 14)
            },
            "ta.rsi(close, 14)": column(n) { rsi.update(b.close[$0], length: 14) },
            "ta.stoch(close, high, low, 20)": column(n) {
                stoch.update(b.close[$0], high: b.high[$0], low: b.low[$0], length: 20)
            },
        ]
    }

    static func minMaxMedianMode(_ b: Bars) -> [String: [Double]] {
        let n = b.count
        var mn = MinState(), mx = MaxState(), med = MedianState(), mode = ModeState()
        return [
            "min(close)": column(n) { mn.update(b.close[$0]) },
            "max(close)": column(n) { mx.update(b.close[$0]) },
            "median(close)": column(n) { med.update(b.close[$0], length: 20) },
            "mode(close)": column(n) { mode.update(b.close[$0], length: 20) },
        ]
    }

    static func pivots(_ b: Bars) -> [String: [Double]] {
        let n = b.count
        var p1 = PivotHighState(), p2 = PivotHighState(), p3 = PivotLowState(), p4 = PivotLowState()
        return [
            "ta.pivothigh(10, 5)": column(n) { p1.update(b.high[$0], leftBars: 10, rightBars: 5) },
            "ta.pivothigh(close, 10, 5)": column(n) {
                p2.update(b.close[$0], leftBars: 10, rightBars: 5)
            },
            "ta.pivotlow(10, 5)": column(n) { p3.update(b.low[$0], leftBars: 10, rightBars: 5) },
            "ta.pivotlow(close, 10, 5)": column(n) {
                p4.update(b.close[$0], leftBars: 10, rightBars: 5)
            },
        ]
    }

    /// The export's column titles say percentage 30 and 0, but the script that produced it
    /// plotted both functions with percentage 20 under those titles (its source is public with
    /// the export), so the columns are reproduced with 20.
    static func percentiles(_ b: Bars) -> [String: [Double]] {
        let n = b.count
        var li = PercentileLinearInterpolationState(), nr = PercentileNearestRankState()
        var pr = PercentRankState()
        return [
            "ta.percentile_linear_interpolation(close, 20, 30)": column(n) {
                li.update(b.close[$0], length: 20, percentage: 20)
            },
            "ta.percentile_nearest_rank(close, 20, 0)": column(n) {
                nr.update(b.close[$0], length: 20, percentage: 20)
            },
            "ta.percentrank(close, 33)": column(n) { pr.update(b.close[$0], length: 33) },
        ]
    }

    static func range(_ b: Bars) -> [String: [Double]] {
        var st = RangeState()
        return ["ta.range(close, 20)": column(b.count) { st.update(b.close[$0], length: 20) }]
    }

    static func rci(_ b: Bars) -> [String: [Double]] {
        let n = b.count
        var r1 = RCIState(), r2 = RCIState(), r3 = RCIState()
        return [
            "ta.rci(close, 5)": column(n) { r1.update(b.close[$0], length: 5) },
            "ta.rci(close, 20)": column(n) { r2.update(b.close[$0], length: 20) },
            "ta.rci(hl2, 20)": column(n) { r3.update(b.hl2($0), length: 20) },
            "hl2": column(n) { b.hl2($0) },
        ]
    }

    static func sar(_ b: Bars) -> [String: [Double]] {
        var st = SARState()
        return [
            "ta.sar(0.02, 0.02, 0.2)": column(b.count) {
                st.update(
                    start: 0.02, increment: 0.02, maximum: 0.2,
                    high: b.high[$0], low: b.low[$0], close: b.close[$0])
            }
        ]
    }

    static func supertrend(_ b: Bars) -> [String: [Double]] {
        var st = SupertrendState()
        var up = [Double](), down = [Double]()
        for i in 0..<b.count {
            let v = st.update(
                factor: 3, atrPeriod: 10, high: b.high[i], low: b.low[i], close: b.close[i])
            up.append(v.direction < 0 ? v.supertrend : .nan)
            down.append(v.direction > 0 ? v.supertrend : .nan)
        }
        return ["ta.supertrend(3, 10).up": up, "ta.supertrend(3, 10).down": down]
    }

    static func trueRange(_ b: Bars) -> [String: [Double]] {
        let n = b.count
        var t1 = TRState(), t2 = TRState(), t3 = TRState(), atr = ATRState()
        return [
            "ta.tr(false)": column(n) {
                t1.update(high: b.high[$0], low: b.low[$0], close: b.close[$0], handleNA: false)
            },
            "ta.tr(true)": column(n) {
                t2.update(high: b.high[$0], low: b.low[$0], close: b.close[$0], handleNA: true)
            },
            "ta.tr": column(n) { t3.update(high: b.high[$0], low: b.low[$0], close: b.close[$0]) },
            "ta.atr(14)": column(n) {
                atr.update(length: 14, high: b.high[$0], low: b.low[$0], close: b.close[$0])
            },
        ]
    }

    static func tsi(_ b: Bars) -> [String: [Double]] {
        var st = TSIState()
        return [
            "ta.tsi(close, 12, 26)": column(b.count) {
                st.update(b.close[$0], shortLength: 12, longLength: 26)
            }
        ]
    }

    static func valueWhen(_ b: Bars) -> [String: [Double]] {
        var slow = SMAState(), fast = SMAState(), cross = CrossState(), vw = ValueWhenState()
        return [
            "ta.valuewhen(ta.cross(slow, fast), close, 1)": column(b.count) {
                let c = cross.update(
                    slow.update(b.close[$0], length: 7), fast.update(b.close[$0], length: 14))
                return vw.update(c, b.close[$0], occurrence: 1)
            }
        ]
    }

    static func valueWhenNA(_ b: Bars) -> [String: [Double]] {
        let n = b.count
        var v0 = ValueWhenState(), v1 = ValueWhenState(), v2 = ValueWhenState()
        var w0 = ValueWhenState()
        func cond(_ i: Int) -> Bool { i % 3 == 0 }
        func src(_ i: Int) -> Double { i % 2 == 0 ? .nan : b.close[i] }
        return [
            "v0": column(n) { v0.update(cond($0), src($0), occurrence: 0) },
            "v1": column(n) { v1.update(cond($0), src($0), occurrence: 1) },
            "v2": column(n) { v2.update(cond($0), src($0), occurrence: 2) },
            "w0": column(n) { w0.update(cond($0), b.close[$0], occurrence: 0) },
        ]
    }

    /// Session and anchor flags for `vwap.csv` (CAPITALCOM:EURUSD 15m, exchange timezone
    /// America/New_York, sessions starting at 17:00): the caller's job in the engine, done here
    /// by hand. `ta.vwap(source)` resets on the first bar of each session (the feed's first bar
    /// starts one); `timeframe.change("240"/"360")` is true when the bar enters a new 4h/6h
    /// period counted from the session start, and false on the feed's first bar.
    static func vwap(_ f: TAFixture, _ b: Bars) throws -> [String: [Double]] {
        let times = try f.series("time")
        let zone = TimeZone(identifier: "America/New_York") ?? .current
        var session = VWAPState(), anchored240 = VWAPState(), anchored360 = VWAPState()
        var out: [String: [Double]] = [:]
        let names = [
            "ta.vwap(close)", "ta.vwap(close, timeframe.change(\"240\"))",
            "ta.vwap(close, timeframe.change(\"360\"), 2.0).vwap",
            "ta.vwap(close, timeframe.change(\"360\"), 2.0).upper_band",
            "ta.vwap(close, timeframe.change(\"360\"), 2.0).lower_band",
        ]
        for name in names { out[name] = [] }
        var previous: (day: Int, p240: Int, p360: Int)? = nil
        for i in 0..<b.count {
            let seconds = Int(times[i])
            let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
            let shifted = seconds + offset - 17 * 3600
            let day = Int((Double(shifted) / 86_400).rounded(.down))
            let minute = (shifted - day * 86_400) / 60
            let current = (day, minute / 240, minute / 360)
            let newSession = previous.map { $0.day != current.0 } ?? true
            let change240 = previous.map { $0.day != current.0 || $0.p240 != current.1 } ?? false
            let change360 = previous.map { $0.day != current.0 || $0.p360 != current.2 } ?? false
            previous = current
            let close = b.close[i], volume = b.volume[i]
            let daily = session.update(close, volume: volume, isNewPeriod: newSession)
            let fourHour = anchored240.update(close, volume: volume, isNewPeriod: change240)
            let bands = anchored360.update(
                close, volume: volume, isNewPeriod: change360, stdevMult: 2)
            out[names[0]]?.append(daily.vwap)
            out[names[1]]?.append(fourHour.vwap)
            out[names[2]]?.append(bands.vwap)
            out[names[3]]?.append(bands.upper)
            out[names[4]]?.append(bands.lower)
        }
        return out
    }

    /// `pivot_point_levels.csv` (FX:EURUSD 30m, `pivot_point_levels.toml`): the script plots
    /// levels of `ta.pivot_point_levels(type, timeframe.change("D"), false)` for five systems.
    /// The daily anchor is the session start, 17:00 America/New_York; it is false on the feed's
    /// first bar.
    static func pivotPointLevels(_ f: TAFixture, _ b: Bars) throws -> [String: [Double]] {
        let times = try f.series("time")
        let zone = TimeZone(identifier: "America/New_York") ?? .current
        let types: [PivotPointType] = [.traditional, .fibonacci, .dm, .camarilla, .woodie]
        var states = [PivotPointLevelsState](repeating: .init(), count: types.count)
        let plotted: [(name: String, system: Int, level: Int)] = [
            ("P_trad", 0, 0), ("R1_trad", 0, 1), ("S1_trad", 0, 2), ("R2_trad", 0, 3),
            ("S2_trad", 0, 4), ("R3_trad", 0, 5), ("S3_trad", 0, 6), ("P_fib", 1, 0),
            ("R1_fib", 1, 1), ("S1_fib", 1, 2), ("P_dm", 2, 0), ("R1_dm", 2, 1), ("S1_dm", 2, 2),
            ("P_cam", 3, 0), ("R4_cam", 3, 7), ("S4_cam", 3, 8), ("P_woodie", 4, 0),
        ]
        var out: [String: [Double]] = [:]
        var previousDay: Int? = nil
        for i in 0..<b.count {
            let seconds = Int(times[i])
            let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
            let day = Int((Double(seconds + offset - 17 * 3600) / 86_400).rounded(.down))
            let anchor = previousDay.map { $0 != day } ?? false
            previousDay = day
            var levels: [PivotLevels] = []
            for k in 0..<types.count {
                levels.append(
                    states[k].update(
                        type: types[k], anchor: anchor,
                        open: b.open[i], high: b.high[i], low: b.low[i], close: b.close[i]))
            }
            for column in plotted {
                out[column.name, default: []].append(levels[column.system][column.level])
            }
        }
        return out
    }

    static func wpr(_ b: Bars) -> [String: [Double]] {
        var st = WPRState()
        return [
            "ta.wpr(20)": column(b.count) {
                st.update(length: 20, high: b.high[$0], low: b.low[$0], close: b.close[$0])
            }
        ]
    }
}
