import Testing
@testable import PineLanguage

@Suite struct BuiltinsTests {
    private func names(_ function: String, overload: Int = 0) -> [String] {
        Builtins.function(named: function)?.overloads[overload].parameters.map(\.name) ?? []
    }

    @Test func tradingViewParameterOrder() {
        #expect(names("strategy.entry") == [
            "id", "direction", "qty", "limit", "stop", "oca_name", "oca_type", "comment", "alert_message", "disable_alert",
        ])
        #expect(Array(names("strategy.exit").prefix(13)) == [
            "id", "from_entry", "qty", "qty_percent", "profit", "limit", "loss", "stop", "trail_price", "trail_points",
            "trail_offset", "oca_name", "comment",
        ])
        #expect(names("strategy.close") == ["id", "comment", "qty", "qty_percent", "alert_message", "immediately", "disable_alert"])
        #expect(names("ta.macd") == ["source", "fastlen", "slowlen", "siglen"])
        #expect(names("ta.alma") == ["series", "length", "offset", "sigma", "floor"])
        #expect(names("input.int") == [
            "defval", "title", "minval", "maxval", "step", "tooltip", "inline", "group", "confirm", "display", "active",
        ])
        #expect(names("input.int", overload: 1).prefix(3) == ["defval", "title", "options"])
        #expect(Array(names("strategy").prefix(3)) == ["title", "shorttitle", "overlay"])
    }

    @Test func defaults() throws {
        let entry = try #require(Builtins.function(named: "strategy.entry"))
        let parameters = entry.overloads[0].parameters
        #expect(parameters[0].isRequired && parameters[1].isRequired && !parameters[2].isRequired)
        #expect(parameters[6].defaultValue == .constant("strategy.oca.none"))
        #expect(Builtins.function(named: "ta.change")?.overloads[0].parameters[1].defaultValue == .int(1))
        #expect(Builtins.function(named: "ta.stdev")?.overloads[0].parameters[2].defaultValue == .bool(true))
        #expect(Builtins.function(named: "strategy")?.overloads[0].parameters.first { $0.name == "close_entries_rule" }?.defaultValue == .string("FIFO"))
        #expect(Builtins.function(named: "math.max")?.overloads[0].isVariadic == true)
    }

    @Test func variablesAndConstants() {
        #expect(Builtins.variable(named: "close")?.type == "float")
        #expect(Builtins.variable(named: "bar_index")?.qualifier == .series)
        #expect(Builtins.variable(named: "strategy.long")?.isConstant == true)
        #expect(Builtins.variable(named: "strategy.position_size")?.type == "float")
        #expect(Builtins.variable(named: "dayofweek.saturday")?.type == "int")
        #expect(Builtins.variable(named: "color.red")?.type == "color")
        #expect(Builtins.variable(named: "syminfo.mintick")?.qualifier == .simple)
        #expect(Builtins.variable(named: "shape.triangleup")?.isConstant == true)
        #expect(Builtins.variable(named: "closee") == nil)
        #expect(Builtins.function(named: "label.new")?.isNoOp == true)
        #expect(Builtins.function(named: "plot")?.category == .plot)
        #expect(Builtins.function(named: "request.security") != nil)
        #expect(!Builtins.isKnownUnsupported("request.security"))
        #expect(Builtins.function(named: "request.financial") == nil)
        #expect(Builtins.isKnownUnsupported("request.financial"))
        #expect(!Builtins.isKnownUnsupported("ta.sma"))
        #expect(Builtins.isNamespace("strategy.commission") && Builtins.isNamespace("ta") && !Builtins.isNamespace("close"))
    }

    @Test func everyBuiltinStrategiesCommonlyUseIsRegistered() {
        let ta = "sma ema rma wma vwma hma alma swma linreg rsi atr tr macd bb bbw kc kcw stoch cci cmo mfi wpr mom roc change highest lowest highestbars lowestbars crossover crossunder cross rising falling stdev dev variance correlation percentrank pivothigh pivotlow valuewhen barssince cum supertrend dmi sar tsi vwap median mode range percentile_linear_interpolation percentile_nearest_rank"
        for name in ta.split(separator: " ") { #expect(Builtins.function(named: "ta.\(name)") != nil, "ta.\(name)") }
        let math = "abs max min avg sum round round_to_mintick floor ceil pow sqrt exp log log10 sign sin cos tan random"
        for name in math.split(separator: " ") { #expect(Builtins.function(named: "math.\(name)") != nil, "math.\(name)") }
        let array = "new push pop get set size sum avg max min clear shift unshift slice includes indexof sort"
        for name in array.split(separator: " ") { #expect(Builtins.function(named: "array.\(name)") != nil, "array.\(name)") }
        let orders = "entry order exit close close_all cancel cancel_all"
        for name in orders.split(separator: " ") { #expect(Builtins.function(named: "strategy.\(name)") != nil, "strategy.\(name)") }
        let state = "position_size position_avg_price position_entry_name equity netprofit openprofit grossprofit grossloss initial_capital opentrades closedtrades wintrades losstrades eventrades max_drawdown"
        for name in state.split(separator: " ") { #expect(Builtins.variable(named: "strategy.\(name)") != nil, "strategy.\(name)") }
        let inputs = "int float bool string source timeframe session price time symbol"
        for name in inputs.split(separator: " ") { #expect(Builtins.function(named: "input.\(name)")?.category == .input, "input.\(name)") }
        for name in ["open", "high", "low", "close", "volume", "hl2", "hlc3", "ohlc4", "hlcc4", "time", "time_close", "bar_index", "last_bar_index", "barstate.isfirst", "barstate.islast", "barstate.isconfirmed", "barstate.isnew", "timeframe.period", "timeframe.multiplier", "timeframe.isintraday", "year", "month", "weekofyear", "dayofmonth", "dayofweek", "hour", "minute", "second", "syminfo.pointvalue", "syminfo.ticker"] {
            #expect(Builtins.variable(named: name) != nil, "\(name)")
        }
        for name in ["na", "nz", "fixnan", "str.tostring", "str.format", "timeframe.in_seconds", "timeframe.change", "strategy.opentrades.entry_price", "strategy.closedtrades.exit_price", "strategy.risk.allow_entry_in", "strategy.risk.max_intraday_loss"] {
            #expect(Builtins.function(named: name) != nil, "\(name)")
        }
    }

    private func arguments(_ text: String) -> ([CallArgument], SourceRange) {
        let result = parse("//@version=6\nindicator(\"t\")\nx = " + text)
        guard case .variableDeclaration(let d)? = result.script.statements.first?.kind, case .call(let call) = d.initializer.kind else {
            return ([], result.script.range)
        }
        return (call.arguments, d.initializer.range)
    }

    @Test func bindingPositionalAndNamed() throws {
        let (args, range) = arguments("strategy.exit(\"X\", \"L\", loss=10, profit=20)")
        let bound = try require(try #require(Builtins.function(named: "strategy.exit")).bind(args, callRange: range))
        #expect(bound.argument("id").map { SExpr.of($0.value) } == "\"X\"")
        #expect(bound.argument("from_entry").map { SExpr.of($0.value) } == "\"L\"")
        #expect(bound.argument("profit").map { SExpr.of($0.value) } == "20")
        #expect(bound.argument("loss").map { SExpr.of($0.value) } == "10")
        #expect(bound.argument("qty") == nil)
        #expect(bound.arguments.count == bound.signature.parameters.count)
    }

    @Test func bindingPicksOverloads() throws {
        let highest = try #require(Builtins.function(named: "ta.highest"))
        let (one, r1) = arguments("ta.highest(10)")
        #expect(try require(highest.bind(one, callRange: r1)).overloadIndex == 1)
        let (two, r2) = arguments("ta.highest(high, 10)")
        #expect(try require(highest.bind(two, callRange: r2)).overloadIndex == 0)
        let inputInt = try #require(Builtins.function(named: "input.int"))
        let (opts, r3) = arguments("input.int(1, \"x\", options=[1, 2])")
        #expect(try require(inputInt.bind(opts, callRange: r3)).overloadIndex == 1)
        let (variadic, r4) = arguments("math.max(1, 2, 3, 4)")
        let max = try require(try #require(Builtins.function(named: "math.max")).bind(variadic, callRange: r4))
        #expect(max.extraArguments.count == 2)
    }

    @Test func bindingErrors() throws {
        let sma = try #require(Builtins.function(named: "ta.sma"))
        let (missing, r1) = arguments("ta.sma(close)")
        #expect(sma.bind(missing, callRange: r1).failure?.description == "missing argument 'length' in call to ta.sma")
        let (dup, r2) = arguments("ta.sma(close, 10, length=3)")
        #expect(sma.bind(dup, callRange: r2).failure?.description == "argument 'length' of ta.sma is given twice")
        let (order, r3) = arguments("ta.sma(source=close, 10)")
        #expect(sma.bind(order, callRange: r3).failure?.description == "in a call to ta.sma, positional arguments must come before named ones")
    }

    @Test func suggestions() {
        #expect(Builtins.suggestions(for: "ta.smaa") == ["ta.sma"])
        #expect(Builtins.suggestions(for: "strategy.entri") == ["strategy.entry"])
        #expect(Builtins.suggestions(for: "zzzzzzzz").isEmpty)
    }

    private func require(_ result: Result<BoundCall, ArgumentBindingError>) throws -> BoundCall {
        switch result {
        case .success(let bound): return bound
        case .failure(let error): throw error
        }
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
