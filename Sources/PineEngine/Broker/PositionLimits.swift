/// What positions the strategy may hold: pyramiding, the closing rule,
/// the allowed direction and the maximum size. Set from the strategy's
/// properties and changed by `strategy.risk.allow_entry_in` /
/// `strategy.risk.max_position_size`.
struct PositionLimits: Sendable {
    /// Open entries allowed in one direction (pyramiding, at least 1).
    var maxEntries: Int = 1
    var closeRule: CloseEntriesRule = .fifo
    var allowEntryIn: AllowedDirection = .all
    /// Contracts (infinity: no limit).
    var maxPositionSize: Double = .infinity

    init() {}

    init(properties p: StrategyProperties) {
        maxEntries = p.maxEntriesPerDirection
        closeRule = p.closeEntriesRule
        allowEntryIn = p.allowEntryIn
        maxPositionSize = p.maxPositionSize ?? .infinity
    }

    /// True when entries on `side` may open positions.
    @inline(__always)
    func allows(_ side: TradeDirection) -> Bool {
        allowEntryIn == .all || (allowEntryIn == .long && side == .long) || (allowEntryIn == .short && side == .short)
    }
}
