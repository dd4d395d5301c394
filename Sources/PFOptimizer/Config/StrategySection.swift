import PineLanguage

/// `[strategy]`: the script, fixed input values and `strategy()` overrides.
public struct StrategySection: Sendable, Equatable {
    /// The script's absolute path (the library's, for `library = ...`).
    public var scriptPath: String
    /// A strategy library (C ABI version 2) run instead of a Pine script:
    /// `library = "strategy.so"`. Its inputs are named by title.
    public var libraryPath: String?
    /// `[strategy.inputs]` as written, in file order: key (variable name or
    /// title) and value. Validated against the script's inputs later.
    public var inputs: [(key: String, value: ConfigValue)]
    /// `[strategy.overrides]`, type-checked.
    public var overrides: [String: InputValue]

    public static func == (a: StrategySection, b: StrategySection) -> Bool {
        a.scriptPath == b.scriptPath && a.libraryPath == b.libraryPath && a.overrides == b.overrides
            && a.inputs.map(\.key) == b.inputs.map(\.key) && a.inputs.map(\.value) == b.inputs.map(\.value)
    }

    /// The `strategy()` properties an override may replace, and the type each takes.
    static let overrideKinds: [String: OverrideKind] = [
        "initial_capital": .positiveNumber,
        "commission_type": .oneOf(["percent", "cash_per_order", "cash_per_contract"]),
        "commission_value": .nonNegativeNumber,
        "default_qty_type": .oneOf(["fixed", "cash", "percent_of_equity"]),
        "default_qty_value": .positiveNumber,
        "pyramiding": .nonNegativeInt,
        "slippage": .nonNegativeInt,
        "process_orders_on_close": .bool,
        "calc_on_order_fills": .bool,
        "close_entries_rule": .oneOf(["FIFO", "ANY"]),
        "margin_long": .nonNegativeNumber,
        "margin_short": .nonNegativeNumber,
        "allow_entry_in": .oneOf(["all", "long", "short"]),
        "max_position_size": .positiveNumber,
        "risk_free_rate": .number,
        "backtest_fill_limits_assumption": .nonNegativeInt,
        "currency": .string,
    ]

    enum OverrideKind: Sendable, Equatable {
        case number, positiveNumber, nonNegativeNumber, nonNegativeInt, bool, string
        case oneOf([String])
    }
}
