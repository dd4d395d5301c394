import PineLanguage

/// What a script's `strategy()` / `indicator()` call declares.
public struct DeclaredProperties: Sendable, Hashable {
    /// strategy, indicator or library.
    public var kind: String
    public var title: String
    /// The strategy properties after the declaration's arguments (TradingView's defaults elsewhere).
    public var strategy: StrategyProperties
    /// `use_bar_magnifier=true` in the declaration.
    public var usesBarMagnifier: Bool
    /// `max_bars_back`, when given.
    public var maxBarsBack: Int?
    /// `currency` other than `currency.NONE` (a code such as "EUR"), when given: a run on a
    /// symbol quoted in another currency is refused (pfopt converts no currencies).
    public var currency: String?

    /// Reads the declaration's arguments. Unsupported settings that would
    /// change results are errors, never ignored.
    static func read(_ declaration: ScriptDeclaration?, fileName: String) throws -> DeclaredProperties {
        var result = DeclaredProperties(
            kind: declaration?.kind.rawValue ?? "indicator", title: "", strategy: StrategyProperties(),
            usesBarMagnifier: false, maxBarsBack: nil)
        guard let declaration else { return result }
        var position = 0
        for arg in declaration.arguments {
            let label: String
            if let l = arg.label {
                label = l
            } else {
                label = position == 0 ? "title" : (position == 1 ? "shorttitle" : (position == 2 ? "overlay" : "?"))
                position += 1
            }
            let text = literalText(arg.value)
            func fail(_ message: String) -> CompileError {
                CompileError(file: fileName, range: arg.value.range, message: message)
            }
            switch label {
            case "title":
                result.title = text ?? ""
            case let key where StrategyProperties.overrideKeys.contains(key):
                guard let text else { throw fail("\(key) must be a constant value") }
                do {
                    try result.strategy.apply(override: key, value: text)
                } catch {
                    throw fail("\(error)")
                }
            case "use_bar_magnifier":
                result.usesBarMagnifier = text == "true"
            case "max_bars_back":
                result.maxBarsBack = text.flatMap { Int($0) }
            case "calc_on_order_fills":
                if text == "true" { throw fail("calc_on_order_fills=true is not supported yet") }
            case "backtest_fill_limits_assumption":
                if let text, Double(text) != 0 {
                    throw fail("backtest_fill_limits_assumption=\(text) is not supported yet (limit orders fill when touched)")
                }
            case "currency":
                // Only the symbol's own currency (no conversion) can be reproduced.
                if let text, !["currency.NONE", "NONE", ""].contains(text) {
                    result.currency = text.hasPrefix("currency.") ? String(text.dropFirst(9)) : text
                }
            case "timeframe":
                if let text, !text.isEmpty {
                    throw fail("timeframe=\"\(text)\" in the declaration is not supported yet (run on that timeframe with --timeframe)")
                }
            case "shorttitle", "overlay", "format", "precision", "scale",
                "calc_on_every_tick", "max_lines_count", "max_labels_count", "max_boxes_count", "max_polylines_count",
                "default_qty_type_is_percent", "timeframe_gaps",
                "explicit_plot_zorder", "dynamic_requests", "behind_chart", "fill_orders_on_standard_ohlc",
                "initial_capital_currency", "commission_value_is_percent", "?":
                break
            default:
                break
            }
        }
        return result
    }

    /// The text of a constant argument: numbers, bools, strings, and dotted
    /// names such as `strategy.commission.percent`.
    static func literalText(_ e: Expression) -> String? {
        switch e.kind {
        case .intLiteral(let v): return String(v)
        case .floatLiteral(let v): return String(v)
        case .boolLiteral(let v): return v ? "true" : "false"
        case .stringLiteral(let v): return v
        case .unary(.minus, let x): return literalText(x).map { "-" + $0 }
        default: return e.dottedName
        }
    }
}
