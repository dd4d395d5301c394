import PFData
import PineLanguage

/// Built-in variables and constants: bar series, calendar, symbol and
/// timeframe information, named constants. Strategy state lives in
/// `StrategyBindings`.
enum BuiltinVariables {
    /// The bar column behind a price series name, for `close[n]`.
    static func barColumn(_ name: String) -> ((Runtime) -> [Double])? {
        switch name {
        case "open": return { $0.opens }
        case "high": return { $0.highs }
        case "low": return { $0.lows }
        case "close": return { $0.closes }
        case "volume": return { $0.volumes }
        default: return nil
        }
    }

    static func value(_ name: String, builder: InstanceBuilder, range: SourceRange) throws -> CompiledValue? {
        if name == "timeframe.period" || name == "timeframe.main_period" {
            let version5 = builder.isVersion5
            return .str({ rt in rt.timeframe.map { periodText($0, version5: version5) } ?? "" }, nil)
        }
        if name == "time_tradingday" { return tradingDay(range) }
        if let v = series(name) { return v }
        if let v = calendar(name) { return v }
        if let c = constants[name] { return .constant(c.0, c.1) }
        if let s = stringConstants[name] { return .constant(s) }
        if let c = PineColor.named[name] { return .constant(c, .color) }
        if let v = try StrategyBindings.variable(name, builder: builder, range: range) { return v }
        if let v = TAFunctions.variable(name, builder: builder) { return v }
        if let style = styleConstant(name) { return .constant(style) }
        return nil
    }

    /// A member of a display-style namespace (`position.top_left`,
    /// `text.align_center`, `label.style_label_left`) that has no entry in
    /// `stringConstants`: its own name, since only drawings read it.
    static func styleConstant(_ name: String) -> String? {
        guard stringConstants[name] == nil, let variable = Builtins.variable(named: name), variable.type == "style",
            let dot = name.firstIndex(of: ".")
        else { return nil }
        return String(name[name.index(after: dot)...])
    }

    private static func series(_ name: String) -> CompiledValue? {
        switch name {
        case "open": return .num({ $0.open }, .float, nil)
        case "high": return .num({ $0.high }, .float, nil)
        case "low": return .num({ $0.low }, .float, nil)
        case "close": return .num({ $0.close }, .float, nil)
        case "volume": return .num({ $0.volume }, .float, nil)
        case "hl2": return .num({ ($0.high + $0.low) / 2 }, .float, nil)
        case "hlc3": return .num({ ($0.high + $0.low + $0.close) / 3 }, .float, nil)
        case "ohlc4": return .num({ ($0.open + $0.high + $0.low + $0.close) / 4 }, .float, nil)
        case "hlcc4": return .num({ ($0.high + $0.low + $0.close + $0.close) / 4 }, .float, nil)
        case "bar_index": return .num({ Double($0.barIndex) }, .int, nil)
        case "last_bar_index": return .num({ Double($0.barCount - 1) }, .int, nil)
        case "time": return .num({ Double($0.time) }, .int, nil)
        case "time_close":
            return .num({ rt in rt.barDurationMs > 0 ? Double(rt.time + rt.barDurationMs) : .nan }, .int, nil)
        case "last_bar_time": return .num({ rt in rt.barCount > 0 ? Double(rt.times[rt.barCount - 1]) : .nan }, .int, nil)
        case "barstate.isfirst": return .bool({ $0.barIndex == 0 }, nil)
        case "barstate.islast", "barstate.islastconfirmedhistory": return .bool({ $0.isLastBar }, nil)
        case "barstate.isconfirmed", "barstate.isnew", "barstate.ishistory": return .bool({ _ in true }, nil)
        case "barstate.isrealtime": return .bool({ _ in false }, nil)
        case "session.isfirstbar", "session.isfirstbar_regular":
            return .bool({ rt in
                let i = rt.barIndex
                return i == 0 || rt.clock.sessionStart(rt.times[i]) != rt.clock.sessionStart(rt.times[i - 1])
            }, nil)
        case "session.ismarket":
            // Inside the symbol's regular opening hours (always, for a 24x7 symbol).
            return .bool({ rt in
                guard let hours = rt.symbol?.openingHours, !hours.isEmpty else { return true }
                return Self.inside(hours, rt.clock.fields(rt.time))
            }, nil)
        case "session.ispremarket", "session.ispostmarket":
            // Extended hours before (after) the day's regular session.
            let pre = name == "session.ispremarket"
            return .bool({ rt in
                guard let symbol = rt.symbol, !symbol.extendedHours.isEmpty else { return false }
                let fields = rt.clock.fields(rt.time)
                guard Self.inside(symbol.extendedHours, fields), !Self.inside(symbol.openingHours, fields) else { return false }
                let day = (fields.dayOfWeek + 5) % 7
                let second = fields.hour * 3600 + fields.minute * 60 + fields.second
                let regular = symbol.openingHours.filter { $0.day == day }
                guard let open = regular.map(\.start.secondsSinceMidnight).min() else { return false }
                return pre ? second < open : second >= open
            }, nil)
        case "session.islastbar", "session.islastbar_regular":
            // The next bar opens another session; on the last bar, its close does.
            return .bool({ rt in
                let i = rt.barIndex
                let start = rt.clock.sessionStart(rt.times[i])
                if i + 1 < rt.barCount { return rt.clock.sessionStart(rt.times[i + 1]) != start }
                return rt.barDurationMs > 0 && rt.clock.sessionStart(rt.times[i] + rt.barDurationMs) != start
            }, nil)
        case "syminfo.mintick": return .num({ $0.mintick }, .float, nil)
        case "syminfo.pointvalue": return .num({ $0.pointvalue }, .float, nil)
        case "syminfo.timezone": return .str({ $0.clock.identifier }, nil)
        case "timeframe.multiplier": return .num({ rt in Double(rt.timeframe?.multiplier ?? 0) }, .int, nil)
        case "timeframe.isintraday": return .bool({ $0.timeframe?.isIntraday ?? false }, nil)
        case "timeframe.isdaily": return .bool({ $0.timeframe?.isDaily ?? false }, nil)
        case "timeframe.isweekly": return .bool({ $0.timeframe?.isWeekly ?? false }, nil)
        case "timeframe.ismonthly": return .bool({ $0.timeframe?.isMonthly ?? false }, nil)
        case "timeframe.isdwm":
            return .bool({ rt in rt.timeframe.map { $0.isDaily || $0.isWeekly || $0.isMonthly } ?? false }, nil)
        case "timeframe.isseconds": return .bool({ $0.timeframe?.isSeconds ?? false }, nil)
        case "timeframe.isminutes": return .bool({ $0.timeframe?.isMinutes ?? false }, nil)
        case "timeframe.isticks": return .bool({ _ in false }, nil)
        case "syminfo.ticker", "syminfo.root": return .str({ $0.symbol?.ticker ?? "" }, nil)
        case "syminfo.prefix": return .str({ $0.symbol?.prefix ?? "" }, nil)
        case "syminfo.tickerid":
            return .str({ rt in
                guard let s = rt.symbol else { return "" }
                return s.prefix.isEmpty ? s.ticker : s.prefix + ":" + s.ticker
            }, nil)
        case "syminfo.currency": return .str({ $0.symbol?.currency ?? "" }, nil)
        case "syminfo.basecurrency": return .str({ $0.symbol?.basecurrency ?? "" }, nil)
        case "syminfo.description": return .str({ $0.symbol?.description ?? "" }, nil)
        case "syminfo.type": return .str({ $0.symbol?.type ?? "" }, nil)
        case "syminfo.session": return .str({ $0.symbol?.session ?? "regular" }, nil)
        case "syminfo.volumetype": return .str({ $0.symbol?.volumetype ?? "" }, nil)
        case "syminfo.minmove": return .num({ rt in rt.symbol.map { Double($0.minmove) } ?? 1 }, .int, nil)
        case "syminfo.pricescale":
            return .num({ rt in rt.symbol.map { Double($0.pricescale) } ?? (1 / rt.mintick).rounded() }, .int, nil)
        case "syminfo.mincontract": return .num({ rt in rt.symbol?.mincontract ?? .nan }, .float, nil)
        case "timeframe.in_seconds": return .num({ Double($0.barDurationMs / 1000) }, .int, nil)
        // A backtest has no chart window: the whole feed is the visible chart.
        case "chart.left_visible_bar_time":
            return .num({ rt in rt.barCount > 0 ? Double(rt.times[0]) : .nan }, .int, nil)
        case "chart.right_visible_bar_time":
            return .num({ rt in rt.barCount > 0 ? Double(rt.times[rt.barCount - 1]) : .nan }, .int, nil)
        // pfopt runs on the feed's own bars: a standard candle chart.
        case "chart.is_standard": return .constant(true)
        case "chart.is_heikinashi", "chart.is_renko", "chart.is_linebreak", "chart.is_kagi", "chart.is_pnf",
            "chart.is_range":
            return .constant(false)
        // No chart theme: TradingView's default light one (white background, near-black text).
        case "chart.bg_color": return .constant(PineColor.hex(0xFFFFFF), .color)
        case "chart.fg_color": return .constant(PineColor.hex(0x131722), .color)
        case "na": return .na
        default: return nil
        }
    }

    /// True when local time `fields` (Pine weekday 1 = Sunday) falls in one of `intervals`
    /// (the symbol file's weekdays, 0 = Monday; an end of 00:00 is midnight after the start).
    static func inside(_ intervals: [TradingInterval], _ fields: CalendarFields) -> Bool {
        let day = (fields.dayOfWeek + 5) % 7
        let second = fields.hour * 3600 + fields.minute * 60 + fields.second
        for i in intervals where i.day == day {
            let start = i.start.secondsSinceMidnight
            let end = i.end.secondsSinceMidnight == 0 ? 86_400 : i.end.secondsSinceMidnight
            if second >= start && second < end { return true }
        }
        return false
    }

    /// The chart's visible range, read as the first and last bar of the data.
    static let visibleRangeNames: Set<String> = ["chart.left_visible_bar_time", "chart.right_visible_bar_time"]
    /// The chart's theme colors, read as TradingView's default light theme.
    static let themeColorNames: Set<String> = ["chart.bg_color", "chart.fg_color"]

    /// `timeframe.period`: version 6 always writes the multiplier (`"1D"`,
    /// `"1W"`, `"1M"`, `"1S"`, `"15"`); version 5 leaves out a multiplier of 1
    /// before a unit letter (`"D"`, `"W"`, `"M"`, `"S"`). Minutes are the same
    /// in both (`"1"`, `"60"`).
    static func periodText(_ tf: Timeframe, version5: Bool) -> String {
        let text = tf.description
        if version5, tf.multiplier == 1, !tf.isMinutes { return String(text.dropFirst()) }
        return text
    }

    /// `time_tradingday`: 00:00 UTC of the last calendar day of the session
    /// the bar trades in, that is of the session's trading day (an evening
    /// session opening at 17:00 New York trades for the next day). Bars of
    /// several days, weeks or months span several sessions: refused there
    /// (a month has no fixed length, so its unit is checked, not its duration).
    private static func tradingDay(_ range: SourceRange) -> CompiledValue {
        let line = range.start.line, column = range.start.column
        return .num({ rt in
            let unit = rt.timeframe?.unit
            guard rt.barDurationMs <= 86_400_000, unit != .weeks, unit != .months else {
                throw rt.error(
                    "time_tradingday is not supported on weekly or monthly bars yet (a bar spans several trading days)",
                    line: line, column: column)
            }
            let day = TradingSessions.tradingDay(sessionStart: rt.clock.sessionStart(rt.time))
            return Double(Int64(day) * 86_400_000)
        }, .int, nil)
    }

    private static func calendar(_ name: String) -> CompiledValue? {
        let field: ((CalendarFields) -> Int)?
        switch name {
        case "year": field = { $0.year }
        case "month": field = { $0.month }
        case "dayofmonth": field = { $0.day }
        case "dayofweek": field = { $0.dayOfWeek }
        case "hour": field = { $0.hour }
        case "minute": field = { $0.minute }
        case "second": field = { $0.second }
        case "weekofyear": field = { $0.weekOfYear }
        default: field = nil
        }
        guard let field else { return nil }
        return .num({ rt in Double(field(rt.calendar())) }, .int, nil)
    }

    /// Named numeric constants.
    static let constants: [String: (Double, ValueType)] = [
        "dayofweek.sunday": (1, .int), "dayofweek.monday": (2, .int), "dayofweek.tuesday": (3, .int),
        "dayofweek.wednesday": (4, .int), "dayofweek.thursday": (5, .int), "dayofweek.friday": (6, .int),
        "dayofweek.saturday": (7, .int),
        "math.pi": (Double.pi, .float), "math.e": (2.718281828459045, .float), "math.phi": (1.618033988749895, .float),
        "math.rphi": (0.6180339887498948, .float),
        // request.security's merge flags: on is 1, off is 0.
        "barmerge.gaps_on": (1, .int), "barmerge.gaps_off": (0, .int), "barmerge.lookahead_on": (1, .int),
        "barmerge.lookahead_off": (0, .int),
    ]

    /// Named string constants (display and style options carry no cost).
    static let stringConstants: [String: String] = [
        "order.ascending": "ascending", "order.descending": "descending",
        "plot.style_line": "line", "plot.style_linebr": "linebr", "plot.style_histogram": "histogram",
        "plot.style_circles": "circles", "plot.style_cross": "cross", "plot.style_area": "area",
        "plot.style_columns": "columns", "plot.style_stepline": "stepline",
        "shape.triangleup": "triangleup", "shape.triangledown": "triangledown", "shape.circle": "circle",
        "shape.labelup": "labelup", "shape.labeldown": "labeldown", "shape.arrowup": "arrowup",
        "shape.arrowdown": "arrowdown", "shape.cross": "cross", "shape.xcross": "xcross", "shape.square": "square",
        "shape.diamond": "diamond", "shape.flag": "flag",
        "location.abovebar": "abovebar", "location.belowbar": "belowbar", "location.top": "top",
        "location.bottom": "bottom", "location.absolute": "absolute",
        "size.auto": "auto", "size.tiny": "tiny", "size.small": "small", "size.normal": "normal",
        "size.large": "large", "size.huge": "huge",
        "display.all": "all", "display.none": "none", "display.data_window": "data_window",
        "display.pane": "pane", "display.price_scale": "price_scale", "display.status_line": "status_line",
        "hline.style_solid": "solid", "hline.style_dotted": "dotted", "hline.style_dashed": "dashed",
        "position.top_right": "top_right", "position.bottom_right": "bottom_right",
        "extend.none": "none", "extend.right": "right", "extend.left": "left", "extend.both": "both",
        "xloc.bar_index": "bar_index", "xloc.bar_time": "bar_time", "yloc.price": "price",
        "line.style_solid": "solid", "line.style_dotted": "dotted", "line.style_dashed": "dashed",
        "label.style_label_up": "label_up", "label.style_label_down": "label_down", "label.style_none": "none",
        "alert.freq_once_per_bar": "once_per_bar", "alert.freq_once_per_bar_close": "once_per_bar_close",
        "alert.freq_all": "all", "format.price": "price", "format.percent": "percent", "format.volume": "volume",
        "format.inherit": "inherit", "currency.USD": "USD", "currency.EUR": "EUR", "currency.USDT": "USDT",
        "currency.NONE": "NONE",
    ]
}
