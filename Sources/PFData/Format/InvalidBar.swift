/// Why a bar read from a `.ohlcv` file is refused: its position, time and reason.
public struct InvalidBar: Sendable, Equatable {
    /// 0-based position of the bar in the file's bars (gap fillers of a v1 file skipped).
    public var index: Int
    /// The bar's open time (Unix ms).
    public var time: Int64
    public var reason: String
}
