/// One bar as the bar loop hands it to the broker.
struct BarInput {
    var index: Int
    var time: Int64
    var closeTime: Int64
    var open: Double
    var high: Double
    var low: Double
    var close: Double
    var volume: Double
    var isLast: Bool
    /// False while the bar closes before the trade window.
    var acceptsOrders: Bool
    /// process_orders_on_close.
    var processOrdersOnClose: Bool
    /// The next bar's open time (this bar's close time on the last bar).
    var nextOpen: Int64
}
