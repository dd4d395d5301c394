import PineLanguage

/// What the engine takes from the script's declaration: the front end reads
/// `strategy(...)` / `indicator(...)` once (positional arguments mapped
/// through the registry, constant expressions folded); this turns it into
/// strategy properties, refusing settings that would change results and
/// cannot be reproduced.
extension DeclarationProperties {
    /// True for `strategy(...)` scripts.
    public var isStrategy: Bool { kind == .strategy }

    /// `currency` other than `currency.NONE` (a code such as "EUR"), when given.
    public var currency: String? {
        guard let value = self["currency"] else { return nil }
        let text = value.description
        if ["currency.NONE", "NONE", "", "na"].contains(text) { return nil }
        return text.hasPrefix("currency.") ? String(text.dropFirst(9)) : text
    }

    /// The strategy properties the declaration gives (TradingView's defaults
    /// elsewhere). Throws a located error for a property that is not a
    /// constant or has a bad value, and for settings pfopt cannot reproduce.
    /// `version` is the script's `//@version`: version 5 strategies default
    /// to no margin requirement (`margin_long`/`margin_short` 0), version 6
    /// to 100 percent.
    func strategyProperties(fileName: String, version: Int? = nil) throws -> StrategyProperties {
        func fail(_ name: String, _ message: String) -> CompileError {
            CompileError(file: fileName, range: argumentRanges[name] ?? range, message: message)
        }
        for name in nonConstant where StrategyProperties.overrideKeys.contains(name) || Self.refusedSettings.contains(name) {
            throw fail(name, "\(name) must be a constant value")
        }
        var result = StrategyProperties()
        if version == 5 {
            result.marginLong = 0
            result.marginShort = 0
        }
        for (name, value) in properties {
            if value == .na { continue }
            let text = value.description
            switch name {
            case let key where StrategyProperties.overrideKeys.contains(key):
                do {
                    try result.apply(override: key, value: text)
                } catch {
                    throw fail(key, "\(error)")
                }
            case "timeframe":
                if !text.isEmpty {
                    throw fail(name, "timeframe=\"\(text)\" in the declaration is not supported yet (run on that timeframe with --timeframe)")
                }
            default:
                break
            }
        }
        if result.calcOnOrderFills && result.processOrdersOnClose {
            throw fail("calc_on_order_fills", FillRecalculation.refusedWithProcessOrdersOnClose)
        }
        return result
    }

    /// Settings that must be constants because a value other than the default is refused.
    private static let refusedSettings: Set<String> = ["timeframe"]
}
