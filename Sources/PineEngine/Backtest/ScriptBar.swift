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
