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
