/// What placed an order.
enum OrderKind: UInt8, Sendable {
    /// `strategy.entry`: reverses an opposite position, obeys pyramiding.
    case entry
    /// `strategy.order`: a plain buy or sell that nets against the position.
    case order
    /// `strategy.exit`: a bracket (limit/profit, stop/loss, trailing) on open entries.
    case exit
    /// `strategy.close` / `strategy.close_all`: a market exit.
    case close
}
