/// `strategy.risk.*`: limits the script sets on itself.
extension Broker {
    /// `strategy.risk.allow_entry_in`: entries in the other direction only close the position.
    public func riskAllowEntryIn(_ direction: AllowedDirection) {
        engine.limits.allowEntryIn = direction
    }

    /// `strategy.risk.max_position_size` in contracts.
    public func riskMaxPositionSize(_ contracts: Double) {
        guard contracts > 0 else { return }
        engine.limits.maxPositionSize = contracts
    }

    /// `strategy.risk.max_drawdown(value, type)`.
    public func riskMaxDrawdown(_ value: Double, type: RiskValueType) {
        guard value > 0 else { return }
        risk.drawdownLimit = value
        risk.drawdownIsPercent = type == .percentOfEquity
    }

    /// `strategy.risk.max_intraday_loss(value, type)`.
    public func riskMaxIntradayLoss(_ value: Double, type: RiskValueType) {
        guard value > 0 else { return }
        risk.intradayLimit = value
        risk.intradayIsPercent = type == .percentOfEquity
    }
}
