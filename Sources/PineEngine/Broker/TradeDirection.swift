/// The side of a position or an order.
public enum TradeDirection: Int8, Sendable, Hashable, CustomStringConvertible {
    case long = 1
    case short = -1

    /// +1 for long, -1 for short.
    @inlinable public var sign: Double { self == .long ? 1 : -1 }

    /// The other side.
    @inlinable public var opposite: TradeDirection { self == .long ? .short : .long }

    /// `long` / `short`, as the trade list writes it.
    public var description: String { self == .long ? "long" : "short" }
}
