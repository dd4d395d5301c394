import Foundation

/// How a fill is charged (`commission_type`).
public enum CommissionType: String, Sendable, Hashable, CaseIterable {
    /// `strategy.commission.percent`: percent of the fill's value.
    case percent
    /// `strategy.commission.cash_per_order`: a fixed amount per fill.
    case cashPerOrder = "cash_per_order"
    /// `strategy.commission.cash_per_contract`: an amount per contract.
    case cashPerContract = "cash_per_contract"

    /// Parses `percent`, `strategy.commission.percent`, `cash_per_order`, ...
    public init?(pineName: String) {
        var name = pineName.trimmingCharacters(in: .whitespaces).lowercased()
        if name.hasPrefix("strategy.commission.") { name.removeFirst("strategy.commission.".count) }
        self.init(rawValue: name)
    }
}
