import Foundation

/// The symbol properties the broker needs.
public struct BrokerSymbol: Sendable, Hashable {
    /// The price tick; fills are snapped to it (0.01 by default).
    public var mintick: Double = 0.01
    /// Money per point of price per contract (1 by default).
    public var pointValue: Double = 1
    /// When set, order quantities are floored to a multiple of it.
    public var lotStep: Double? = nil

    public init(mintick: Double = 0.01, pointValue: Double = 1, lotStep: Double? = nil) {
        self.mintick = mintick
        self.pointValue = pointValue
        self.lotStep = lotStep
    }
}
