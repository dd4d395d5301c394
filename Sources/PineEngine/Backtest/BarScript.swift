/// One script bar as the script sees it.
public struct ScriptBar: Sendable, Hashable {
    /// 0-based index of the script bar (`bar_index`).
    public var index: Int
    /// Open time, Unix ms (`time`).
    public var time: Int64
    /// Close time, Unix ms (`time_close`): open time + the bar duration.
    public var closeTime: Int64
    public var open: Double
    public var high: Double
    public var low: Double
    public var close: Double
    public var volume: Double
    /// True on the last bar fed (`barstate.islast`).
    public var isLast: Bool

    public init(
        index: Int, time: Int64, closeTime: Int64, open: Double, high: Double, low: Double,
        close: Double, volume: Double, isLast: Bool
    ) {
        self.index = index
        self.time = time
        self.closeTime = closeTime
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
        self.isLast = isLast
    }
}

/// A strategy the bar loop can run: called once per script bar, on the
/// bar's close, after the broker has filled the orders pending from earlier
/// bars. It places orders through `broker` and reads the account state from it.
public protocol BarScript: AnyObject {
    /// Runs the script on one bar. A thrown error stops the backtest.
    func onBar(_ bar: ScriptBar, broker: Broker) throws

    /// Runs the script on a point inside the bar where an order filled, when
    /// the strategy recalculates on fills (calc_on_order_fills): what the
    /// execution changes in the script's own state is undone before the
    /// next one, its orders stay. The bar's `onBar` still follows.
    func onFill(_ bar: ScriptBar, broker: Broker) throws
}

extension BarScript {
    /// A script without series state of its own runs its bar logic again.
    public func onFill(_ bar: ScriptBar, broker: Broker) throws {
        try onBar(bar, broker: broker)
    }
}
