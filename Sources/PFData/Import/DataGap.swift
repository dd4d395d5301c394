/// A hole in the data: bars missing between two consecutive bars.
public struct DataGap: Sendable, Equatable {
    /// Index of the bar before the hole.
    public let afterIndex: Int
    /// Open time of the bar before the hole (Unix ms).
    public let lastTime: Int64
    /// Open time of the bar after the hole (Unix ms).
    public let nextTime: Int64
    /// How many bars of the data's timeframe are missing.
    public let missingBars: Int64
}
