/// The script bar a fill happens on.
struct BarClock: Sendable {
    /// 0-based script bar index.
    var index = 0
    /// The bar's open time, Unix ms.
    var time: Int64 = 0
}
