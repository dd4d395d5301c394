/// Equity and margin requirement of the open position as lines in the price,
/// in the strategy's currency at the current bar's rate:
/// equity(p) = fixed + equityPerPrice * p, required(p) = requiredPerPrice * p.
struct MarginLine {
    var key = -1
    var rate = 1.0
    var isLong = true
    var fixed = 0.0
    var equityPerPrice = 0.0
    var requiredPerPrice = 0.0

    init() {}

    init(broker: Broker, key: Int, long marginLong: Double, short marginShort: Double) {
        self.key = key
        rate = broker.currencyRate
        let trades = broker.engine.ledger.openTrades
        isLong = trades.first?.direction != .short
        fixed = broker.initialCapital + broker.netProfit
        for k in trades.indices {
            let qty = trades[k].qty
            let sign = trades[k].direction.sign
            fixed -= trades[k].entryPrice * qty * broker.pointValue * sign * rate
            equityPerPrice += qty * broker.pointValue * sign * rate
            requiredPerPrice += qty * (trades[k].direction == .long ? marginLong : marginShort) * rate
        }
    }
}
