/// The tables behind `Builtins`: every built-in pfopt supports, written as
/// TradingView's signatures. Syntax of a function entry: `name(p1, p2=default, p3?, ...)`
/// where `p?` is optional with no fixed default (na) and a trailing `...` makes the
/// function variadic. Several entries with one name are overloads, tried in order.
enum BuiltinCatalog {
    static let declarations = [
        "strategy(title, shorttitle?, overlay=false, format?, precision?, scale?, pyramiding=0, calc_on_order_fills=false, calc_on_every_tick=false, max_bars_back?, backtest_fill_limits_assumption=0, default_qty_type=strategy.fixed, default_qty_value=1, initial_capital=1000000, currency=currency.NONE, slippage=0, commission_type=strategy.commission.percent, commission_value=0, process_orders_on_close=false, close_entries_rule=\"FIFO\", margin_long=100, margin_short=100, explicit_plot_zorder=false, max_lines_count=50, max_labels_count=50, max_boxes_count=50, calc_bars_count?, risk_free_rate=2, use_bar_magnifier=false, calc_on_every_history_tick=false, fill_orders_on_standard_ohlc=false, max_polylines_count=50, dynamic_requests=false, behind_chart=true)",
        "indicator(title, shorttitle?, overlay=false, format?, precision?, scale?, max_bars_back?, timeframe?, timeframe_gaps=true, explicit_plot_zorder=false, max_lines_count=50, max_labels_count=50, max_boxes_count=50, calc_bars_count?, max_polylines_count=50, dynamic_requests=false, behind_chart=true)",
        "library(title, overlay=false, dynamic_requests=false)",
    ]

    static let inputs = [
        "input(defval, title?, tooltip?, inline?, group?, display?, active=true)",
        "input.int(defval, title?, minval?, maxval?, step?, tooltip?, inline?, group?, confirm=false, display?, active=true)",
        "input.int(defval, title?, options, tooltip?, inline?, group?, confirm=false, display?, active=true)",
        "input.float(defval, title?, minval?, maxval?, step?, tooltip?, inline?, group?, confirm=false, display?, active=true)",
        "input.float(defval, title?, options, tooltip?, inline?, group?, confirm=false, display?, active=true)",
        "input.bool(defval, title?, tooltip?, inline?, group?, confirm=false, display?, active=true)",
        "input.string(defval, title?, options?, tooltip?, inline?, group?, confirm=false, display?, active=true)",
        "input.enum(defval, title?, options?, tooltip?, inline?, group?, confirm=false, display?, active=true)",
        "input.source(defval, title?, tooltip?, inline?, group?, display?, active=true)",
        "input.timeframe(defval, title?, options?, tooltip?, inline?, group?, confirm=false, display?, active=true)",
        "input.session(defval, title?, options?, tooltip?, inline?, group?, confirm=false, display?, active=true)",
        "input.price(defval, title?, tooltip?, inline?, group?, confirm=false, display?, active=true)",
        "input.time(defval, title?, tooltip?, inline?, group?, confirm=false, display?, active=true)",
        "input.symbol(defval, title?, tooltip?, inline?, group?, confirm=false, display?, active=true)",
        "input.color(defval, title?, tooltip?, inline?, group?, confirm=false, display?, active=true)",
        "input.text_area(defval, title?, tooltip?, group?, confirm=false, display?, active=true)",
    ]

    static let technical = [
        "ta.sma(source, length)", "ta.ema(source, length)", "ta.rma(source, length)", "ta.wma(source, length)",
        "ta.vwma(source, length)", "ta.hma(source, length)", "ta.alma(series, length, offset, sigma, floor=false)",
        "ta.swma(source)", "ta.linreg(source, length, offset)", "ta.rsi(source, length)", "ta.atr(length)",
        "ta.tr(handle_na=false)", "ta.macd(source, fastlen, slowlen, siglen)", "ta.bb(series, length, mult)",
        "ta.bbw(series, length, mult)", "ta.kc(series, length, mult, useTrueRange=true)",
        "ta.kcw(series, length, mult, useTrueRange=true)", "ta.stoch(source, high, low, length)",
        "ta.cci(source, length)", "ta.cmo(series, length)", "ta.mfi(series, length)", "ta.wpr(length)",
        "ta.mom(source, length)", "ta.roc(source, length)", "ta.change(source, length=1)",
        "ta.highest(source, length)", "ta.highest(length)", "ta.lowest(source, length)", "ta.lowest(length)",
        "ta.highestbars(source, length)", "ta.highestbars(length)", "ta.lowestbars(source, length)",
        "ta.lowestbars(length)", "ta.crossover(source1, source2)", "ta.crossunder(source1, source2)",
        "ta.cross(source1, source2)", "ta.rising(source, length)", "ta.falling(source, length)",
        "ta.stdev(source, length, biased=true)", "ta.dev(source, length)", "ta.variance(source, length, biased=true)",
        "ta.correlation(source1, source2, length)", "ta.percentrank(source, length)",
        "ta.pivothigh(source, leftbars, rightbars)", "ta.pivothigh(leftbars, rightbars)",
        "ta.pivotlow(source, leftbars, rightbars)", "ta.pivotlow(leftbars, rightbars)",
        "ta.valuewhen(condition, source, occurrence)", "ta.barssince(condition)", "ta.cum(source)",
        "ta.supertrend(factor, atrPeriod)", "ta.dmi(diLength, adxSmoothing)", "ta.sar(start, inc, max)",
        "ta.tsi(source, short_length, long_length)", "ta.vwap(source)", "ta.vwap(source, anchor, stdev_mult?)",
        "ta.median(source, length)", "ta.mode(source, length)", "ta.range(source, length)",
        "ta.percentile_linear_interpolation(source, length, percentage)",
        "ta.percentile_nearest_rank(source, length, percentage)",
        "ta.cog(source, length)", "ta.rci(source, length)", "ta.max(source)", "ta.min(source)",
        "ta.pivot_point_levels(type, anchor, developing=false)",
    ]

    static let math = [
        "math.abs(number)", "math.max(number0, number1, ...)", "math.min(number0, number1, ...)",
        "math.avg(number0, number1, ...)", "math.sum(source, length)", "math.round(number)",
        "math.round(number, precision)", "math.round_to_mintick(number)", "math.floor(number)", "math.ceil(number)",
        "math.pow(base, exponent)", "math.sqrt(number)", "math.exp(number)", "math.log(number)",
        "math.log10(number)", "math.sign(number)", "math.sin(angle)", "math.cos(angle)", "math.tan(angle)",
        "math.asin(angle)", "math.acos(angle)", "math.atan(angle)", "math.todegrees(radians)",
        "math.toradians(degrees)", "math.random(min=0, max=1, seed?)",
    ]

    static let strings = [
        "str.tostring(value)", "str.tostring(value, format)", "str.format(formatString, ...)",
        "str.format_time(time, format?, timezone?)", "str.match(source, regex)",
        "str.length(string)", "str.split(string, separator)", "str.repeat(source, repeat, separator?)",
        "str.contains(source, str)", "str.startswith(source, str)",
        "str.endswith(source, str)", "str.substring(source, begin_pos)",
        "str.substring(source, begin_pos, end_pos)", "str.replace(source, target, replacement, occurrence=0)",
        "str.replace_all(source, target, replacement)", "str.lower(source)", "str.upper(source)",
        "str.tonumber(string)", "str.pos(source, str)", "str.trim(source)",
    ]

    /// `map.*` and `matrix.*` (the element types come from the call's type
    /// arguments: `map.new<string, float>()`, `matrix.new<float>(2, 2, 0)`).
    static let collections = [
        "map.new()", "map.put(id, key, value)", "map.get(id, key)", "map.contains(id, key)", "map.remove(id, key)",
        "map.keys(id)", "map.values(id)", "map.size(id)", "map.clear(id)", "map.copy(id)", "map.put_all(id, id2)",
        "matrix.new(rows=0, columns=0, initial_value?)", "matrix.get(id, row, column)", "matrix.set(id, row, column, value)",
        "matrix.row(id, row)", "matrix.col(id, column)", "matrix.add_row(id, row?, array_id?)",
        "matrix.add_col(id, column?, array_id?)", "matrix.remove_row(id, row?)", "matrix.remove_col(id, column?)",
        "matrix.fill(id, value, from_row=0, to_row?, from_column=0, to_column?)",
        "matrix.submatrix(id, from_row=0, to_row?, from_column=0, to_column?)", "matrix.reshape(id, rows, columns)",
        "matrix.sort(id, column=0, order=order.ascending)", "matrix.concat(id1, id2)", "matrix.swap_rows(id, row1, row2)",
        "matrix.swap_columns(id, column1, column2)", "matrix.sum(id1, id2)", "matrix.diff(id1, id2)", "matrix.mult(id1, id2)",
        "matrix.pow(id, power)", "matrix.kron(id1, id2)", "matrix.rows(id)", "matrix.columns(id)",
        "matrix.elements_count(id)", "matrix.reverse(id)", "matrix.transpose(id)", "matrix.copy(id)", "matrix.det(id)",
        "matrix.inv(id)", "matrix.pinv(id)", "matrix.rank(id)", "matrix.trace(id)", "matrix.eigenvalues(id)",
        "matrix.eigenvectors(id)", "matrix.avg(id)", "matrix.min(id)", "matrix.max(id)", "matrix.median(id)",
        "matrix.mode(id)", "matrix.is_antidiagonal(id)", "matrix.is_antisymmetric(id)", "matrix.is_binary(id)",
        "matrix.is_diagonal(id)", "matrix.is_identity(id)", "matrix.is_square(id)", "matrix.is_stochastic(id)",
        "matrix.is_symmetric(id)", "matrix.is_triangular(id)", "matrix.is_zero(id)",
    ]

    static let arrays = [
        "array.new(size=0, initial_value?)", "array.new_float(size=0, initial_value?)",
        "array.new_int(size=0, initial_value?)", "array.new_bool(size=0, initial_value?)",
        "array.new_string(size=0, initial_value?)", "array.new_color(size=0, initial_value?)",
        "array.new_line(size=0, initial_value?)", "array.new_label(size=0, initial_value?)",
        "array.new_box(size=0, initial_value?)", "array.new_table(size=0, initial_value?)",
        "array.new_linefill(size=0, initial_value?)",
        "array.from(arg0, ...)", "array.push(id, value)", "array.pop(id)", "array.get(id, index)",
        "array.set(id, index, value)", "array.size(id)", "array.sum(id)", "array.avg(id)",
        "array.max(id, nth=0)", "array.min(id, nth=0)", "array.clear(id)", "array.shift(id)",
        "array.unshift(id, value)", "array.slice(id, index_from, index_to)", "array.includes(id, value)",
        "array.indexof(id, value)", "array.lastindexof(id, value)", "array.sort(id, order=order.ascending)",
        "array.first(id)", "array.last(id)", "array.copy(id)", "array.insert(id, index, value)",
        "array.remove(id, index)", "array.reverse(id)", "array.fill(id, value, index_from=0, index_to?)",
        "array.median(id)", "array.range(id)", "array.stdev(id, biased=true)",
        "array.variance(id, biased=true)", "array.covariance(id1, id2, biased=true)", "array.mode(id)",
        "array.percentile_linear_interpolation(id, percentage)", "array.percentile_nearest_rank(id, percentage)",
        "array.percentrank(id, index)", "array.binary_search(id, val)", "array.binary_search_leftmost(id, val)",
        "array.binary_search_rightmost(id, val)", "array.abs(id)", "array.standardize(id)", "array.concat(id1, id2)",
        "array.join(id, separator?)", "array.sort_indices(id, order=order.ascending)", "array.every(id)", "array.some(id)",
    ]

    static let colors = [
        "color.new(color, transp)", "color.rgb(red, green, blue, transp=0)", "color.r(color)", "color.g(color)",
        "color.b(color)", "color.t(color)", "color.from_gradient(value, bottom_value, top_value, bottom_color, top_color)",
    ]

    static let orders = [
        "strategy.entry(id, direction, qty?, limit?, stop?, oca_name?, oca_type=strategy.oca.none, comment?, alert_message?, disable_alert=false)",
        "strategy.order(id, direction, qty?, limit?, stop?, oca_name?, oca_type=strategy.oca.none, comment?, alert_message?, disable_alert=false)",
        "strategy.exit(id, from_entry?, qty?, qty_percent?, profit?, limit?, loss?, stop?, trail_price?, trail_points?, trail_offset?, oca_name?, comment?, comment_profit?, comment_loss?, comment_trailing?, alert_message?, alert_profit?, alert_loss?, alert_trailing?, disable_alert=false)",
        "strategy.close(id, comment?, qty?, qty_percent?, alert_message?, immediately=false, disable_alert=false)",
        "strategy.close_all(comment?, alert_message?, immediately=false, disable_alert=false)",
        "strategy.cancel(id)", "strategy.cancel_all()",
        "strategy.risk.max_intraday_loss(value, type, alert_message?)",
        "strategy.risk.max_drawdown(value, type, alert_message?)",
        "strategy.risk.max_position_size(contracts)", "strategy.risk.allow_entry_in(value)",
        "strategy.risk.max_intraday_filled_orders(count, alert_message?)",
        "strategy.risk.max_cons_loss_days(count, alert_message?)",
    ]

    static let tradeAccessorNames = [
        "entry_price", "entry_time", "entry_bar_index", "entry_id", "entry_comment", "size", "profit",
        "profit_percent", "commission", "max_runup", "max_runup_percent", "max_drawdown", "max_drawdown_percent",
    ]
    static let closedTradeAccessorNames = ["exit_price", "exit_time", "exit_bar_index", "exit_id", "exit_comment"]

    static var strategyState: [String] {
        tradeAccessorNames.map { "strategy.opentrades.\($0)(trade_num)" }
            + (tradeAccessorNames + closedTradeAccessorNames).map { "strategy.closedtrades.\($0)(trade_num)" }
            + ["strategy.convert_to_account(value)", "strategy.convert_to_symbol(value)",
               "strategy.default_entry_qty(fill_price)"]
    }

    static let core = [
        "na(x)", "nz(source, replacement)", "nz(source)", "fixnan(source)", "int(x)", "float(x)", "bool(x)",
        "time(timeframe, session?, timezone?, bars_back=0)", "time_close(timeframe, session?, timezone?, bars_back=0)",
        "timestamp(dateString)", "timestamp(year, month, day, hour=0, minute=0, second=0)",
        "timestamp(timezone, year, month, day, hour=0, minute=0, second=0)",
        "year(time, timezone?)", "month(time, timezone?)", "weekofyear(time, timezone?)",
        "dayofmonth(time, timezone?)", "dayofweek(time, timezone?)", "hour(time, timezone?)",
        "minute(time, timezone?)", "second(time, timezone?)", "timeframe.in_seconds(timeframe?)",
        "timeframe.change(timeframe)", "timeframe.from_seconds(seconds)", "runtime.error(message)",
        "request.security(symbol, timeframe, expression, gaps=barmerge.gaps_off, lookahead=barmerge.lookahead_off, ignore_invalid_symbol=false, currency?, calc_bars_count?)",
        "request.security_lower_tf(symbol, timeframe, expression, ignore_invalid_symbol=false, currency?, ignore_invalid_timeframe=false, calc_bars_count?)",
        "request.currency_rate(from, to, ignore_invalid_currency=false)",
        "ticker.heikinashi(symbol)", "ticker.standard(symbol?)",
        "ticker.new(prefix, ticker, session?, adjustment?, backadjustment?, settlement_as_close?)",
    ]

    static let plots = [
        "plot(series, title?, color?, linewidth=1, style=plot.style_line, trackprice=false, histbase=0, offset=0, join=false, editable=true, show_last?, display=display.all, format?, precision?, force_overlay=false, linestyle=plot.linestyle_solid)",
    ]

    static let noOps = [
        "plotshape(series, title?, style?, location?, color?, offset=0, text?, textcolor?, editable=true, size?, show_last?, display=display.all, format?, precision?, force_overlay=false)",
        "plotchar(series, title?, char?, location?, color?, offset=0, text?, textcolor?, editable=true, size?, show_last?, display=display.all, format?, precision?, force_overlay=false)",
        "plotarrow(series, title?, colorup?, colordown?, offset=0, minheight=5, maxheight=100, editable=true, show_last?, display=display.all, format?, precision?, force_overlay=false)",
        "plotcandle(open, high, low, close, title?, color?, wickcolor?, editable=true, show_last?, bordercolor?, display=display.all, format?, precision?, force_overlay=false)",
        "plotbar(open, high, low, close, title?, color?, editable=true, show_last?, display=display.all, format?, precision?, force_overlay=false)",
        "bgcolor(color, offset=0, editable=true, show_last?, title?, display=display.all, force_overlay=false)",
        "barcolor(color, offset=0, editable=true, show_last?, title?, display=display.all)",
        "hline(price, title?, color?, linestyle?, linewidth=1, editable=true, display=display.all)",
        "alertcondition(condition, title?, message?)", "alert(message, freq?)", "max_bars_back(var, num)",
    ]

    /// Core functions whose result depends only on their arguments.
    static let pureCore: Set<String> = [
        "na", "nz", "fixnan", "int", "float", "timestamp", "timeframe.change", "time", "time_close",
    ]

    /// The purity rule: indicators and inputs (their value is fixed for a run or follows
    /// their arguments), `math.*` but `math.random`, and the pure core functions.
    static func isPure(_ name: String, _ category: BuiltinCategory?) -> Bool {
        switch category {
        case .technical, .input: return true
        case .math: return name != "math.random"
        default: return pureCore.contains(name)
        }
    }

    /// Namespaces whose functions draw or log: any `label.xxx(...)` is accepted and does nothing.
    static let noOpNamespaces: Set<String> = ["label", "line", "box", "table", "linefill", "polyline", "log"]
    /// Functions without fixed parameters that are accepted and do nothing (the engine gives
    /// the display-only drawings' constructors an id and runs their deletes' arguments).
    static let noOpAnyArguments = [
        "fill", "table.new", "table.delete", "linefill.new", "linefill.delete", "polyline.new", "polyline.delete",
    ]

    /// Namespaces of opaque style constants (`shape.triangleup`, `size.small`, `plot.style_line`):
    /// any member is accepted as a constant.
    static let styleConstantNamespaces: Set<String> = [
        "shape", "location", "size", "plot", "hline", "extend", "xloc", "yloc", "display", "position",
        "text", "font", "format", "scale", "alert", "currency", "label", "line", "barmerge", "adjustment",
        "backadjustment", "settlement_as_close",
    ]

    /// `name: qualifier type` for every built-in variable and constant.
    static let variables = [
        "open: series float", "high: series float", "low: series float", "close: series float",
        "volume: series float", "hl2: series float", "hlc3: series float", "ohlc4: series float",
        "hlcc4: series float", "time: series int", "time_close: series int", "time_tradingday: series int",
        "bar_index: series int", "last_bar_index: series int", "last_bar_time: series int",
        "year: series int", "month: series int", "weekofyear: series int", "dayofmonth: series int",
        "dayofweek: series int", "hour: series int", "minute: series int", "second: series int",
        "barstate.isfirst: series bool", "barstate.islast: series bool", "barstate.isconfirmed: series bool",
        "barstate.isnew: series bool", "barstate.ishistory: series bool", "barstate.isrealtime: series bool",
        "barstate.islastconfirmedhistory: series bool",
        "session.isfirstbar: series bool", "session.islastbar: series bool",
        "session.isfirstbar_regular: series bool", "session.islastbar_regular: series bool",
        "session.ismarket: series bool", "session.ispremarket: series bool", "session.ispostmarket: series bool",
        "timeframe.period: simple string", "timeframe.main_period: simple string", "timeframe.multiplier: simple int",
        "timeframe.isintraday: simple bool", "timeframe.isdaily: simple bool", "timeframe.isweekly: simple bool",
        "timeframe.ismonthly: simple bool", "timeframe.isdwm: simple bool", "timeframe.isseconds: simple bool",
        "timeframe.isminutes: simple bool", "timeframe.isticks: simple bool",
        "chart.left_visible_bar_time: input int", "chart.right_visible_bar_time: input int",
        "chart.bg_color: input color", "chart.fg_color: input color", "chart.is_standard: simple bool",
        "chart.is_heikinashi: simple bool", "chart.is_renko: simple bool", "chart.is_linebreak: simple bool",
        "chart.is_kagi: simple bool", "chart.is_pnf: simple bool", "chart.is_range: simple bool",
        "syminfo.mintick: simple float", "syminfo.pointvalue: simple float", "syminfo.ticker: simple string",
        "syminfo.tickerid: simple string", "syminfo.currency: simple string", "syminfo.basecurrency: simple string",
        "syminfo.timezone: simple string", "syminfo.session: simple string", "syminfo.type: simple string",
        "syminfo.root: simple string", "syminfo.prefix: simple string", "syminfo.description: simple string",
        "syminfo.minmove: simple int", "syminfo.pricescale: simple int", "syminfo.mincontract: simple float",
        "syminfo.volumetype: simple string",
        "ta.tr: series float", "ta.obv: series float", "ta.vwap: series float", "ta.accdist: series float",
        "ta.pvt: series float", "ta.iii: series float", "ta.nvi: series float", "ta.pvi: series float",
        "ta.wad: series float", "ta.wvad: series float",
        "math.pi: const float", "math.e: const float", "math.phi: const float", "math.rphi: const float",
        "dayofweek.sunday: const int", "dayofweek.monday: const int", "dayofweek.tuesday: const int",
        "dayofweek.wednesday: const int", "dayofweek.thursday: const int", "dayofweek.friday: const int",
        "dayofweek.saturday: const int",
        "order.ascending: const sort_order", "order.descending: const sort_order",
        "strategy.long: const direction", "strategy.short: const direction",
        "strategy.fixed: const qty_type", "strategy.cash: const qty_type", "strategy.percent_of_equity: const qty_type",
        "strategy.commission.percent: const commission_type",
        "strategy.commission.cash_per_contract: const commission_type",
        "strategy.commission.cash_per_order: const commission_type",
        "strategy.oca.none: const oca_type", "strategy.oca.cancel: const oca_type", "strategy.oca.reduce: const oca_type",
        "strategy.direction.all: const string", "strategy.direction.long: const string",
        "strategy.direction.short: const string",
        "strategy.position_size: series float", "strategy.position_avg_price: series float",
        "strategy.position_entry_name: series string", "strategy.equity: series float",
        "strategy.netprofit: series float", "strategy.netprofit_percent: series float",
        "strategy.openprofit: series float", "strategy.openprofit_percent: series float",
        "strategy.grossprofit: series float", "strategy.grossprofit_percent: series float",
        "strategy.grossloss: series float", "strategy.grossloss_percent: series float",
        "strategy.initial_capital: simple float", "strategy.opentrades: series int",
        "strategy.closedtrades: series int", "strategy.wintrades: series int", "strategy.losstrades: series int",
        "strategy.eventrades: series int", "strategy.max_drawdown: series float",
        "strategy.max_contracts_held_all: series float", "strategy.max_contracts_held_long: series float",
        "strategy.opentrades.capital_held: series float", "strategy.margin_liquidation_price: series float",
        "strategy.max_contracts_held_short: series float", "strategy.closedtrades.first_index: series int",
        "strategy.max_drawdown_percent: series float", "strategy.max_runup: series float",
        "strategy.max_runup_percent: series float", "strategy.avg_trade: series float",
        "strategy.avg_trade_percent: series float", "strategy.avg_winning_trade: series float",
        "strategy.avg_winning_trade_percent: series float", "strategy.avg_losing_trade: series float",
        "strategy.avg_losing_trade_percent: series float", "strategy.account_currency: simple string",
        "color.aqua: const color", "color.black: const color", "color.blue: const color", "color.fuchsia: const color",
        "color.gray: const color", "color.green: const color", "color.lime: const color", "color.maroon: const color",
        "color.navy: const color", "color.olive: const color", "color.orange: const color",
        "color.purple: const color", "color.red: const color", "color.silver: const color", "color.teal: const color",
        "color.white: const color", "color.yellow: const color",
    ]

    /// Built-ins TradingView has and pfopt cannot run faithfully yet: the checker names them.
    static let unsupportedNamespaces: Set<String> = [
        "request", "ticker", "chart", "dividends", "earnings", "splits", "footprint",
    ]
    static let unsupportedNames: Set<String> = [
        "security", "timenow",
    ]
}
