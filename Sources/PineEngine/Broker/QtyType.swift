import Foundation

/// How `strategy.entry` / `strategy.order` size an order when no `qty` is given
/// (`default_qty_type`).
public enum QtyType: String, Sendable, Hashable, CaseIterable {
    /// `strategy.fixed`: `default_qty_value` contracts.
    case fixed
    /// `strategy.cash`: `default_qty_value` in account currency.
    case cash
    /// `strategy.percent_of_equity`: `default_qty_value` percent of equity.
    case percentOfEquity = "percent_of_equity"

    /// Parses `fixed`, `strategy.fixed`, `cash`, `percent_of_equity`, ...
    public init?(pineName: String) {
        var name = pineName.trimmingCharacters(in: .whitespaces).lowercased()
        if name.hasPrefix("strategy.") { name.removeFirst("strategy.".count) }
        self.init(rawValue: name)
    }
}
