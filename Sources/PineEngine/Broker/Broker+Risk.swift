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

    /// `strategy.risk.max_intraday_filled_orders(count)`: once `count` orders
    /// have filled in a day, the pending orders are cancelled at that fill,
    /// order commands are refused for the rest of the day and the open
    /// position is closed at the bar's close.
    public func riskMaxIntradayFilledOrders(_ count: Int) {
        guard count > 0, count != risk.filledOrdersLimit else { return }
        let first = risk.filledOrdersLimit == 0
        risk.filledOrdersLimit = count
        engine.fillLimit = count
        // Set on this bar: the day it counts in starts here.
        if first && risk.currentDay == .min {
            risk.beginBar(
                time: engine.clock.time, lastEquity: equityRecord.last,
                initialCapital: initialCapital)
        }
    }

    /// `strategy.risk.max_cons_loss_days(count)`: after `count` losing days
    /// in a row (see `RiskRules`), the pending orders are cancelled, the
    /// position is closed at that day's last close and no order is placed
    /// for the rest of the run.
    public func riskMaxConsLossDays(_ count: Int) {
        guard count > 0, count != risk.consLossDaysLimit else { return }
        let first = risk.consLossDaysLimit == 0
        risk.consLossDaysLimit = count
        // Set on this bar: its day is the first one counted.
        if first && risk.currentDay == .min {
            risk.beginBar(
                time: engine.clock.time, lastEquity: equityRecord.last,
                initialCapital: initialCapital)
        }
    }

    /// `strategy.risk.max_intraday_loss(value, type)`.
    public func riskMaxIntradayLoss(_ value: Double, type: RiskValueType) {
        guard value > 0 else { return }
        risk.intradayLimit = value
        risk.intradayIsPercent = type == .percentOfEquity
    }
}
