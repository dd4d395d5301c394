import Foundation

/// Every property of a script's `strategy()` declaration the backtest uses,
/// with TradingView's defaults. Overrides from outside the script replace
/// them through `apply(override:value:)`.
public struct StrategyProperties: Sendable, Hashable {
    /// Starting cash (`initial_capital`), 1,000,000 by default.
    public var initialCapital: Double = 1_000_000
    public var defaultQtyType: QtyType = .fixed
    public var defaultQtyValue: Double = 1
    /// Open entries allowed in one direction; 0 means 1.
    public var pyramiding: Int = 0
    /// How `commissionValue` is charged; percent when the script does not
    /// say (TradingView's default), so `commission_value` alone is a percent.
    public var commissionType: CommissionType = .percent
    /// The commission per fill in `commissionType` units; 0: no commission.
    public var commissionValue: Double = 0
    /// Adverse slippage in ticks on market and stop fills.
    public var slippage: Int = 0
    /// `backtest_fill_limits_assumption`: a limit order fills only once the
    /// price goes this many ticks beyond its level (0: when touched).
    public var fillLimitsAssumption: Int = 0
    public var processOrdersOnClose: Bool = false
    /// `calc_on_order_fills`: the script also runs on each point of a bar's
    /// path where an order filled (see `FillRecalculation`).
    public var calcOnOrderFills: Bool = false
    public var closeEntriesRule: CloseEntriesRule = .fifo
    /// Margin requirements in percent: entries refused at the call and margin calls.
    public var marginLong: Double = 100
    public var marginShort: Double = 100
    /// `strategy.risk.allow_entry_in`.
    public var allowEntryIn: AllowedDirection = .all
    /// `strategy.risk.max_position_size` in contracts; nil: unlimited.
    public var maxPositionSize: Double? = nil
    /// The annual risk-free rate in percent the Sharpe and Sortino ratios subtract.
    public var riskFreeRate: Double = 2

    /// TradingView's defaults.
    public init() {}

    /// The effective pyramiding limit (0 means 1).
    public var maxEntriesPerDirection: Int { max(1, pyramiding) }

    /// The names `apply(override:value:)` accepts.
    public static let overrideKeys: [String] = [
        "initial_capital", "default_qty_type", "default_qty_value", "pyramiding",
        "commission_type", "commission_value", "slippage", "process_orders_on_close",
        "close_entries_rule", "margin_long", "margin_short", "allow_entry_in", "max_position_size", "risk_free_rate",
        "backtest_fill_limits_assumption", "calc_on_order_fills",
    ]

    /// Replaces one property by name with a value given as text
    /// (`pyramiding=3`, `commission_type=strategy.commission.percent`).
    /// Throws a one-line error for an unknown name or an invalid value.
    public mutating func apply(override key: String, value: String) throws(StrategyPropertyError) {
        let text = value.trimmingCharacters(in: .whitespaces)
        func number(min: Double? = nil, positive: Bool = false) throws(StrategyPropertyError) -> Double {
            guard let v = Double(text), v.isFinite else {
                throw .invalidValue(key: key, value: value, expected: "a number")
            }
            if positive && !(v > 0) { throw .invalidValue(key: key, value: value, expected: "a number above 0") }
            if let min, v < min {
                throw .invalidValue(key: key, value: value, expected: "a number of at least \(min.formatted0)")
            }
            return v
        }
        func flag() throws(StrategyPropertyError) -> Bool {
            switch text.lowercased() {
            case "true", "1", "yes": return true
            case "false", "0", "no": return false
            default: throw .invalidValue(key: key, value: value, expected: "true or false")
            }
        }
        func integer(min: Int) throws(StrategyPropertyError) -> Int {
            guard let v = Int(text) else { throw .invalidValue(key: key, value: value, expected: "a whole number") }
            guard v >= min else { throw .invalidValue(key: key, value: value, expected: "a whole number of at least \(min)") }
            return v
        }
        switch key {
        case "initial_capital": initialCapital = try number(positive: true)
        case "default_qty_type":
            guard let t = QtyType(pineName: text) else {
                throw .invalidValue(key: key, value: value, expected: "one of fixed, cash, percent_of_equity")
            }
            defaultQtyType = t
        case "default_qty_value": defaultQtyValue = try number(positive: true)
        case "pyramiding": pyramiding = try integer(min: 0)
        case "commission_type":
            guard let t = CommissionType(pineName: text) else {
                throw .invalidValue(key: key, value: value, expected: "one of percent, cash_per_order, cash_per_contract")
            }
            commissionType = t
        case "commission_value": commissionValue = try number(min: 0)
        case "slippage": slippage = try integer(min: 0)
        case "backtest_fill_limits_assumption": fillLimitsAssumption = try integer(min: 0)
        case "process_orders_on_close": processOrdersOnClose = try flag()
        case "calc_on_order_fills": calcOnOrderFills = try flag()
        case "close_entries_rule":
            guard let r = CloseEntriesRule(pineName: text) else {
                throw .invalidValue(key: key, value: value, expected: "FIFO or ANY")
            }
            closeEntriesRule = r
        case "margin_long": marginLong = try number(min: 0)
        case "margin_short": marginShort = try number(min: 0)
        case "allow_entry_in":
            guard let d = AllowedDirection(pineName: text) else {
                throw .invalidValue(key: key, value: value, expected: "one of all, long, short")
            }
            allowEntryIn = d
        case "max_position_size": maxPositionSize = try number(positive: true)
        case "risk_free_rate": riskFreeRate = try number()
        default: throw .unknownKey(key)
        }
    }
}

extension Double {
    /// The number without a trailing ".0" when it is whole.
    var formatted0: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        return String(self)
    }
}
