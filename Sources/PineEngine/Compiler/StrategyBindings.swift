import PineLanguage

/// `strategy.*`: order commands go to the instance's broker; state
/// variables read it.
enum StrategyBindings {
    static let entryParameters = [
        "id", "direction", "qty", "limit", "stop", "oca_name", "oca_type", "comment", "alert_message", "disable_alert",
    ]
    static let exitParameters = [
        "id", "from_entry", "qty", "qty_percent", "profit", "limit", "loss", "stop", "trail_price", "trail_points",
        "trail_offset", "oca_name", "comment", "comment_profit", "comment_loss", "comment_trailing", "alert_message",
        "alert_profit", "alert_loss", "alert_trailing", "disable_alert",
    ]
    static let closeParameters = ["id", "comment", "qty", "qty_percent", "alert_message", "immediately", "disable_alert"]
    static let closeAllParameters = ["comment", "alert_message", "immediately", "disable_alert"]

    private static func broker(_ rt: Runtime) -> Broker? { rt.broker }

    /// An optional numeric argument: nil when not given, else its value (NaN means not given to the broker).
    private static func optional(_ f: NumFn?, _ rt: Runtime) throws -> Double? {
        guard let f else { return nil }
        return try f(rt)
    }

    private static func optional(_ f: StrFn?, _ rt: Runtime) throws -> String? {
        guard let f else { return nil }
        return try f(rt)
    }

    private static func direction(_ a: BoundArguments, _ i: Int) throws -> (Runtime) throws -> TradeDirection {
        let f = try a.num(i)
        if let c = a.constNumber(i) {
            let d: TradeDirection = c > 0 ? .long : .short
            return { _ in d }
        }
        return { rt in try f(rt) > 0 ? .long : .short }
    }

    private static func ocaType(_ a: BoundArguments, _ i: Int) throws -> OCAType? {
        guard a.has(i) else { return nil }
        guard let name = a.expressions[i]?.dottedName ?? a.constString(i), let t = OCAType(pineName: name) else {
            throw a.builder.error(a.range(i), "oca_type must be strategy.oca.cancel, strategy.oca.reduce or strategy.oca.none")
        }
        return t
    }

    /// `strategy.convert_to_account` / `convert_to_symbol` inside a requested
    /// expression: between the requested symbol's currency (its
    /// `syminfo.currency` there) and the strategy's, at the rate of the
    /// requested bar (`RequestedCurrency`).
    private static func requestedConversion(
        _ name: String, _ value: @escaping NumFn, toAccount: Bool, _ frame: SecurityFrame, _ a: BoundArguments
    ) throws -> CompiledValue {
        if frame.convertsCurrency {
            throw a.builder.error(
                a.range,
                "\(name) inside the expression of a request with currency = ... is not supported: the requested "
                    + "prices are already converted, and TradingView does not document which currency \(name) then "
                    + "starts from (call it on the request's result instead)")
        }
        frame.usesAccountRate = true
        let line = a.range.start.line
        let column = a.range.start.column
        return .num({ rt in
            let v = try value(rt)
            if let message = rt.accountRateFailure { throw rt.error(message, line: line, column: column) }
            let factors = rt.accountFactors
            let rate = factors.isEmpty ? 1 : factors[rt.barIndex]
            return toAccount ? v * rate : v / rate
        }, .float, nil)
    }

    static func register(into t: inout [String: BuiltinImplementation]) {
        // The current bar's rate between the symbol's currency and the
        // strategy's (1 when they are the same money, and without a broker).
        for name in ["strategy.convert_to_account", "strategy.convert_to_symbol"] {
            let toAccount = name.hasSuffix("account")
            t[name] = BuiltinImplementation { a in
                let value = try a.num(0)
                if let frame = a.builder.security.frames.last {
                    return try requestedConversion(name, value, toAccount: toAccount, frame, a)
                }
                return .num({ rt in
                    let v = try value(rt)
                    guard let rate = rt.broker?.currencyRate else { return v }
                    return toAccount ? v * rate : v / rate
                }, .float, nil)
            }
        }
        t["strategy.default_entry_qty"] = BuiltinImplementation { a in
            let price = try a.num(0)
            return .num({ rt in
                guard let b = rt.broker else { return .nan }
                let p = try price(rt)
                return p.isFinite && p > 0 ? b.defaultQuantity(at: p) : .nan
            }, .float, nil)
        }
        for name in ["strategy.entry", "strategy.order"] {
            let isEntry = name == "strategy.entry"
            t[name] = BuiltinImplementation { a in
                let id = try a.str(0)
                let dir = try direction(a, 1)
                let qty = try a.optionalNum(2)
                let limit = try a.optionalNum(3)
                let stop = try a.optionalNum(4)
                let oca = try a.optionalStr(5)
                let ocaKind = try ocaType(a, 6)
                let comment = try a.optionalStr(7)
                return .void({ rt in
                    guard let b = rt.broker else { return .normal }
                    let args = (
                        try id(rt), try dir(rt), try optional(qty, rt), try optional(limit, rt),
                        try optional(stop, rt), try optional(oca, rt), try optional(comment, rt)
                    )
                    if isEntry {
                        b.entry(args.0, direction: args.1, qty: args.2, limit: args.3, stop: args.4, ocaName: args.5, ocaType: ocaKind, comment: args.6)
                    } else {
                        b.order(args.0, direction: args.1, qty: args.2, limit: args.3, stop: args.4, ocaName: args.5, ocaType: ocaKind, comment: args.6)
                    }
                    return .normal
                })
            }
        }
        t["strategy.exit"] = BuiltinImplementation { a in
            let id = try a.str(0)
            let from = try a.optionalStr(1)
            let nums = try [2, 3, 4, 5, 6, 7, 8, 9, 10].map { try a.optionalNum($0) }
            let oca = try a.optionalStr(11)
            let comments = try [12, 13, 14, 15].map { try a.optionalStr($0) }
            // Version 5 ignores a distance (profit, loss, trail_points) whose
            // price (limit, stop, trail_price) is given and not na; version 6
            // keeps both and the broker uses the level reached first.
            let version5 = a.builder.isVersion5
            func relative(_ distance: Double?, _ price: Double?) -> Double? {
                guard version5, let price, !price.isNaN else { return distance }
                return nil
            }
            return .void({ rt in
                guard let b = rt.broker else { return .normal }
                let limit = try optional(nums[3], rt)
                let stop = try optional(nums[5], rt)
                let trailPrice = try optional(nums[6], rt)
                b.exit(
                    try id(rt), fromEntry: try optional(from, rt), qty: try optional(nums[0], rt),
                    qtyPercent: try optional(nums[1], rt), profit: relative(try optional(nums[2], rt), limit),
                    limit: limit, loss: relative(try optional(nums[4], rt), stop), stop: stop,
                    trailPrice: trailPrice, trailPoints: relative(try optional(nums[7], rt), trailPrice),
                    trailOffset: try optional(nums[8], rt), ocaName: try optional(oca, rt),
                    comment: try optional(comments[0], rt), commentProfit: try optional(comments[1], rt),
                    commentLoss: try optional(comments[2], rt), commentTrailing: try optional(comments[3], rt))
                return .normal
            })
        }
        t["strategy.close"] = BuiltinImplementation { a in
            let id = try a.str(0)
            let comment = try a.optionalStr(1)
            let qty = try a.optionalNum(2)
            let pct = try a.optionalNum(3)
            let immediately = try a.bool(5, default: false)
            let at = a.range.start
            return .void({ rt in
                guard let b = rt.broker else { return .normal }
                let now = try immediately(rt)
                if now && b.settings.properties.calcOnOrderFills {
                    throw rt.error(FillRecalculation.refusedImmediately, line: at.line, column: at.column)
                }
                b.close(
                    try id(rt), qty: try optional(qty, rt), qtyPercent: try optional(pct, rt),
                    immediately: now, comment: try optional(comment, rt))
                return .normal
            })
        }
        t["strategy.close_all"] = BuiltinImplementation { a in
            let comment = try a.optionalStr(0)
            let immediately = try a.bool(2, default: false)
            let at = a.range.start
            return .void({ rt in
                guard let b = rt.broker else { return .normal }
                let now = try immediately(rt)
                if now && b.settings.properties.calcOnOrderFills {
                    throw rt.error(FillRecalculation.refusedImmediately, line: at.line, column: at.column)
                }
                b.closeAll(immediately: now, comment: try optional(comment, rt))
                return .normal
            })
        }
        t["strategy.cancel"] = BuiltinImplementation { a in
            let id = try a.str(0)
            return .void({ rt in
                rt.broker?.cancel(try id(rt))
                return .normal
            })
        }
        t["strategy.cancel_all"] = BuiltinImplementation { _ in
            .void({ rt in
                rt.broker?.cancelAll()
                return .normal
            })
        }
        registerRisk(into: &t)
        let openTrade: [(String, (Broker, Int) -> Double)] = [
            ("entry_price", { b, i in b.openTrade(i)?.entryPrice ?? .nan }),
            ("entry_bar_index", { b, i in b.openTrade(i).map { Double($0.entryBar) } ?? .nan }),
            ("entry_time", { b, i in b.openTrade(i).map { Double($0.entryTime) } ?? .nan }),
            ("size", { b, i in b.openTrade(i).map { $0.qty * $0.direction.sign } ?? .nan }),
            ("profit", { b, i in i < b.openTradesCount ? b.openTradeProfit(i) : .nan }),
            ("commission", { b, i in b.openTrade(i)?.entryCommission ?? .nan }),
            ("max_runup", { b, i in i < b.openTradesCount ? b.openTradeMaxRunup(i) : .nan }),
            ("max_drawdown", { b, i in i < b.openTradesCount ? b.openTradeMaxDrawdown(i) : .nan }),
        ]
        for (field, read) in openTrade {
            t["strategy.opentrades." + field] = BuiltinImplementation { a in
                let i = try a.int(0)
                return .num({ rt in
                    guard let b = rt.broker else { return .nan }
                    return read(b, try i(rt))
                }, field.hasSuffix("index") || field.hasSuffix("time") ? .int : .float, nil)
            }
        }
        let openText: [(String, (OpenTrade) -> String)] = [
            ("entry_id", { $0.entryId }), ("entry_comment", { $0.entryComment ?? "" }),
        ]
        for (field, read) in openText {
            t["strategy.opentrades." + field] = BuiltinImplementation { a in
                let i = try a.int(0)
                return .str({ rt in rt.broker?.openTrade(try i(rt)).map(read) ?? "" }, nil)
            }
        }
        let openPercent: [(String, (Broker, Int) -> Double)] = [
            ("profit_percent", { b, i in Self.percentOfCost(b.openTradeProfit(i), b.openTrade(i), b.pointValue) }),
            ("max_runup_percent", { b, i in Self.percentOfCost(b.openTradeMaxRunup(i), b.openTrade(i), b.pointValue) }),
            ("max_drawdown_percent", { b, i in Self.percentOfCost(b.openTradeMaxDrawdown(i), b.openTrade(i), b.pointValue) }),
        ]
        for (field, read) in openPercent {
            t["strategy.opentrades." + field] = BuiltinImplementation { a in
                let i = try a.int(0)
                return .num({ rt in
                    guard let b = rt.broker else { return .nan }
                    let k = try i(rt)
                    return k >= 0 && k < b.openTradesCount ? read(b, k) : .nan
                }, .float, nil)
            }
        }
        let closedText: [(String, (ClosedTrade) -> String)] = [
            ("entry_id", { $0.entryId }), ("exit_id", { $0.exitId }), ("entry_comment", { $0.entryComment ?? "" }),
            ("exit_comment", { $0.exitComment ?? "" }),
        ]
        for (field, read) in closedText {
            t["strategy.closedtrades." + field] = BuiltinImplementation { a in
                let i = try a.int(0)
                return .str({ rt in rt.broker?.closedTrade(try i(rt)).map(read) ?? "" }, nil)
            }
        }
        let closedTrade: [(String, (ClosedTrade) -> Double)] = [
            ("profit_percent", { $0.pnlPercent }),
            ("max_runup_percent", { $0.maxRunup / $0.entryCost * 100 }),
            ("max_drawdown_percent", { $0.maxDrawdown / $0.entryCost * 100 }),
            ("entry_price", { $0.entryPrice }), ("exit_price", { $0.exitPrice }),
            ("entry_bar_index", { Double($0.entryBar) }), ("exit_bar_index", { Double($0.exitBar) }),
            ("entry_time", { Double($0.entryTime) }), ("exit_time", { Double($0.exitTime) }),
            ("size", { $0.qty * $0.direction.sign }), ("profit", { $0.pnl }), ("commission", { $0.commission }),
            ("max_runup", { $0.maxRunup }), ("max_drawdown", { $0.maxDrawdown }),
        ]
        for (field, read) in closedTrade {
            t["strategy.closedtrades." + field] = BuiltinImplementation { a in
                let i = try a.int(0)
                return .num({ rt in
                    guard let trade = rt.broker?.closedTrade(try i(rt)) else { return .nan }
                    return read(trade)
                }, field.hasSuffix("index") || field.hasSuffix("time") ? .int : .float, nil)
            }
        }
    }

    /// `strategy.risk.*`: limits the script sets on the broker (checked at each bar's close).
    private static func registerRisk(into t: inout [String: BuiltinImplementation]) {
        func riskType(_ a: BoundArguments) throws -> RiskValueType {
            let name = a.expressions.count > 1 ? a.expressions[1]?.dottedName : nil
            switch name ?? a.constString(1) ?? "" {
            case "strategy.percent_of_equity", "percent_of_equity": return .percentOfEquity
            case "strategy.cash", "cash": return .cash
            default: throw a.builder.error(a.range(1), "\(a.name)() type must be strategy.cash or strategy.percent_of_equity")
            }
        }
        for name in ["strategy.risk.max_intraday_loss", "strategy.risk.max_drawdown"] {
            t[name] = BuiltinImplementation { a in
                let value = try a.num(0)
                let type = try riskType(a)
                let intraday = name.hasSuffix("intraday_loss")
                return .void({ rt in
                    guard let b = rt.broker else { return .normal }
                    let v = try value(rt)
                    if intraday { b.riskMaxIntradayLoss(v, type: type) } else { b.riskMaxDrawdown(v, type: type) }
                    return .normal
                })
            }
        }
        t["strategy.risk.max_position_size"] = BuiltinImplementation { a in
            let value = try a.num(0)
            return .void({ rt in
                rt.broker?.riskMaxPositionSize(try value(rt))
                return .normal
            })
        }
        t["strategy.risk.allow_entry_in"] = BuiltinImplementation { a in try allowEntryIn(a) }
        t["strategy.risk.max_cons_loss_days"] = BuiltinImplementation { a in
            let count = try a.int(0)
            return .void({ rt in
                rt.broker?.riskMaxConsLossDays(try count(rt))
                return .normal
            })
        }
        t["strategy.risk.max_intraday_filled_orders"] = BuiltinImplementation { a in
            let count = try a.int(0)
            return .void({ rt in
                rt.broker?.riskMaxIntradayFilledOrders(try count(rt))
                return .normal
            })
        }
    }

    /// `strategy.risk.allow_entry_in(value)`: a direction constant, or any
    /// value known before the first bar (an input, or what is computed from
    /// inputs and constants), read once per run on its first call. A value
    /// that can change from bar to bar is refused where it is written.
    private static func allowEntryIn(_ a: BoundArguments) throws -> CompiledValue {
        let expectation = "strategy.direction.all, strategy.direction.long or strategy.direction.short"
        if let name = a.expressions.first.flatMap({ $0?.dottedName }) ?? a.constString(0),
            let direction = AllowedDirection(pineName: name)
        {
            return .void({ rt in
                rt.broker?.riskAllowEntryIn(direction)
                return .normal
            })
        }
        guard let expression = a.expressions.first.flatMap({ $0 }), a.builder.isKnownBeforeFirstBar(expression) else {
            throw a.builder.error(
                a.range(0),
                "strategy.risk.allow_entry_in() needs \(expectation), or a value known before the first bar "
                    + "(an input or a constant), not one that can change from bar to bar")
        }
        let value = try a.str(0)
        let range = a.range(0)
        // Read once per run: 0 not yet, 1 read.
        let read = a.builder.arena.cell(0)
        return .void({ rt in
            guard read.pointee == 0 else { return .normal }
            let text = try value(rt)
            guard let direction = AllowedDirection(pineName: text) else {
                throw rt.error(
                    "strategy.risk.allow_entry_in(): \"\(text)\" is not a direction (\(expectation))",
                    line: range.start.line, column: range.start.column)
            }
            read.pointee = 1
            rt.broker?.riskAllowEntryIn(direction)
            return .normal
        })
    }

    /// Money as a percent of an open trade's entry cost (both in the strategy's currency).
    static func percentOfCost(_ money: Double, _ trade: OpenTrade?, _ pointValue: Double) -> Double {
        guard let trade else { return .nan }
        let cost = trade.entryCost(pointValue: pointValue)
        return cost != 0 ? money / cost * 100 : .nan
    }

    /// `strategy.*` variables and constants.
    static func variable(_ name: String, builder: InstanceBuilder, range: SourceRange) throws -> CompiledValue? {
        switch name {
        case "strategy.long": return .constant(1, .int)
        case "strategy.short": return .constant(-1, .int)
        case "strategy.fixed": return .constant("fixed")
        case "strategy.cash": return .constant("cash")
        case "strategy.percent_of_equity": return .constant("percent_of_equity")
        case "strategy.commission.percent": return .constant("percent")
        case "strategy.commission.cash_per_order": return .constant("cash_per_order")
        case "strategy.commission.cash_per_contract": return .constant("cash_per_contract")
        case "strategy.oca.cancel": return .constant("cancel")
        case "strategy.oca.reduce": return .constant("reduce")
        case "strategy.oca.none": return .constant("none")
        case "strategy.direction.all": return .constant("all")
        case "strategy.direction.long": return .constant("long")
        case "strategy.direction.short": return .constant("short")
        default: break
        }
        let read: ((Broker) -> Double)?
        var type = ValueType.float
        switch name {
        case "strategy.position_size": read = { $0.positionSize }
        case "strategy.position_avg_price": read = { $0.positionSize == 0 ? .nan : $0.positionAvgPrice }
        case "strategy.equity": read = { $0.equity }
        case "strategy.netprofit": read = { $0.netProfit }
        case "strategy.openprofit": read = { $0.openProfit }
        case "strategy.grossprofit": read = { $0.grossProfit }
        case "strategy.grossloss": read = { $0.grossLoss }
        case "strategy.initial_capital": read = { $0.initialCapital }
        case "strategy.max_drawdown": read = { $0.maxDrawdown }
        case "strategy.max_runup": read = { $0.maxRunup }
        case "strategy.max_drawdown_percent": read = { $0.maxDrawdownPercent }
        case "strategy.max_runup_percent": read = { $0.maxRunupPercent }
        case "strategy.netprofit_percent": read = { $0.netProfit / $0.initialCapital * 100 }
        case "strategy.grossprofit_percent": read = { $0.grossProfit / $0.initialCapital * 100 }
        case "strategy.grossloss_percent": read = { $0.grossLoss / $0.initialCapital * 100 }
        case "strategy.openprofit_percent": read = { $0.openProfit / ($0.initialCapital + $0.netProfit) * 100 }
        case "strategy.avg_trade": read = { b in average(b.closedTrades) { $0.pnl } }
        case "strategy.avg_trade_percent": read = { b in average(b.closedTrades) { $0.pnlPercent } }
        case "strategy.avg_winning_trade": read = { b in average(b.closedTrades.lazy.filter { $0.pnl > 0 }) { $0.pnl } }
        case "strategy.avg_winning_trade_percent":
            read = { b in average(b.closedTrades.lazy.filter { $0.pnl > 0 }) { $0.pnlPercent } }
        case "strategy.avg_losing_trade": read = { b in average(b.closedTrades.lazy.filter { $0.pnl < 0 }) { -$0.pnl } }
        case "strategy.avg_losing_trade_percent":
            read = { b in average(b.closedTrades.lazy.filter { $0.pnl < 0 }) { -$0.pnlPercent } }
        case "strategy.opentrades":
            read = { Double($0.openTradesCount) }
            type = .int
        case "strategy.closedtrades":
            read = { Double($0.closedTradesCount) }
            type = .int
        case "strategy.wintrades":
            read = { Double($0.winTrades) }
            type = .int
        case "strategy.losstrades":
            read = { Double($0.lossTrades) }
            type = .int
        case "strategy.eventrades":
            read = { Double($0.evenTrades) }
            type = .int
        case "strategy.max_contracts_held_long": read = { $0.maxContractsHeldLong }
        case "strategy.max_contracts_held_short": read = { $0.maxContractsHeldShort }
        case "strategy.max_contracts_held_all": read = { max($0.maxContractsHeldLong, $0.maxContractsHeldShort) }
        case "strategy.opentrades.capital_held": read = { $0.capitalHeld }
        case "strategy.margin_liquidation_price": read = { $0.marginLiquidationPrice }
        default: read = nil
        }
        if let read {
            return .num({ rt in rt.broker.map(read) ?? .nan }, type, nil)
        }
        if name == "strategy.closedtrades.first_index" {
            // TradingView lists at most `closedTradeListLimit` closed trades and
            // drops the oldest beyond it; pfopt keeps every trade, so past that
            // count the index a script would read is not knowable: stop loudly.
            let line = range.start.line, column = range.start.column
            return .num(
                { rt in
                    guard let broker = rt.broker else { return .nan }
                    guard broker.closedTradesCount <= closedTradeListLimit else {
                        throw rt.error(
                            "strategy.closedtrades.first_index: more than \(closedTradeListLimit) closed trades; "
                                + "TradingView drops the oldest from its list and pfopt keeps them all, "
                                + "so the index it reads here would differ",
                            line: line, column: column)
                    }
                    return 0
                }, .int, nil)
        }
        if name == "strategy.position_entry_name" {
            return .str({ rt in rt.broker?.positionEntryName ?? "" }, nil)
        }
        if name == "strategy.account_currency" {
            return .str({ rt in rt.broker?.settings.accountCurrency ?? rt.symbol?.currency ?? "USD" }, nil)
        }
        return nil
    }

    /// The most closed trades TradingView keeps in its list of trades.
    static let closedTradeListLimit = 9000

    /// The mean of `value` over `trades`, `na` for none (TradingView's averages of closed trades;
    /// the losing averages are positive amounts).
    static func average<C: Sequence>(_ trades: C, _ value: (ClosedTrade) -> Double) -> Double
    where C.Element == ClosedTrade {
        var sum = 0.0
        var count = 0
        for t in trades {
            sum += value(t)
            count += 1
        }
        return count == 0 ? .nan : sum / Double(count)
    }
}
