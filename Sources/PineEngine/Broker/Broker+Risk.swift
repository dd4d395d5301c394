import Foundation

/// How a `strategy.risk.*` limit is expressed.
public enum RiskValueType: Sendable, Hashable {
    /// Money.
    case cash
    /// Percent of equity (of the equity peak for max drawdown, of the day's
    /// opening equity for max intraday loss).
    case percentOfEquity
}

/// `strategy.risk.*`: limits the script sets on itself. Checked on each
/// bar's close: when one is hit, pending orders are cancelled, the position
/// is closed at the close and order commands are refused (for the rest of
/// the run, or of the day for the intraday loss).
extension Broker {
    /// `strategy.risk.allow_entry_in`: entries in the other direction only close the position.
    public func riskAllowEntryIn(_ direction: AllowedDirection) {
        allowEntryIn = direction
    }

    /// `strategy.risk.max_position_size` in contracts.
    public func riskMaxPositionSize(_ contracts: Double) {
        guard contracts > 0 else { return }
        maxPositionSize = contracts
    }

    /// `strategy.risk.max_drawdown(value, type)`.
    public func riskMaxDrawdown(_ value: Double, type: RiskValueType) {
        guard value > 0 else { return }
        riskDrawdownLimit = value
        riskDrawdownIsPercent = type == .percentOfEquity
    }

    /// `strategy.risk.max_intraday_loss(value, type)`.
    public func riskMaxIntradayLoss(_ value: Double, type: RiskValueType) {
        guard value > 0 else { return }
        riskIntradayLimit = value
        riskIntradayIsPercent = type == .percentOfEquity
    }

    /// True while a risk rule keeps the strategy from placing orders.
    public var isHaltedByRisk: Bool { riskHalted || (riskHaltedDay != .min && riskHaltedDay == currentDay) }

    /// Called by `closeBar` with the bar's closing equity.
    func checkRiskRules(equity: Double) {
        if riskDrawdownLimit > 0 && !riskHalted {
            let drop = equityPeak - equity
            let limit = riskDrawdownIsPercent ? equityPeak * riskDrawdownLimit / 100 : riskDrawdownLimit
            if drop >= limit {
                riskHalted = true
                flattenForRisk(comment: "Max drawdown")
            }
        }
        if riskIntradayLimit > 0 && riskHaltedDay != currentDay && !dayStartEquity.isNaN {
            let loss = dayStartEquity - equity
            let limit = riskIntradayIsPercent ? dayStartEquity * riskIntradayLimit / 100 : riskIntradayLimit
            if loss >= limit {
                riskHaltedDay = currentDay
                flattenForRisk(comment: "Max intraday loss")
            }
        }
    }

    /// Starts a bar for the intraday rule: a new calendar day (chart
    /// timezone) opens with the previous bar's closing equity.
    func beginRiskDay(time: Int64) {
        guard riskIntradayLimit > 0 else { return }
        let offset = Int64(settings.timezone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(time) / 1000)))
        let local = time + offset * 1000
        let day = local >= 0 ? local / 86_400_000 : (local - 86_399_999) / 86_400_000
        if day != currentDay {
            currentDay = day
            dayStartEquity = lastEquity.isNaN ? initialCapital : lastEquity
        }
    }

    func flattenForRisk(comment: String) {
        removeOrders { _ in true }
        if let dir = openTrades.first?.direction {
            var o = PendingOrder(kind: .close, id: "", direction: dir)
            o.closeAll = true
            o.comment = comment
            executeClose(o, price: markPrice)
        }
    }
}
