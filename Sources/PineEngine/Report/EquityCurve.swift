/// The equity curve: one point per script bar, marked to market at the close.
public struct EquityCurve: Sendable, Hashable {
    /// Bar open times, Unix ms.
    public var time: [Int64] = []
    /// Initial capital + closed P&L + open P&L at the bar's close.
    public var equity: [Double] = []
    /// Open P&L at the bar's close (before commissions).
    public var openProfit: [Double] = []
    /// True where a position was open at the bar's close.
    public var inMarket: [Bool] = []

    public init() {}

    /// The number of points.
    public var count: Int { time.count }
}
