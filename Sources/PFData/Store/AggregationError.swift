/// Why bars could not be aggregated to a script timeframe.
public enum AggregationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The script timeframe is finer than the data's.
    case finerThanData(target: Timeframe, source: Timeframe)
    /// The script timeframe is not a whole multiple of the data's.
    case notAMultiple(target: Timeframe, source: Timeframe)

    public var description: String {
        switch self {
        case .finerThanData(let target, let source):
            return "timeframe \(target) is finer than the data's \(source): use \(source) or a coarser timeframe, or finer data"
        case .notAMultiple(let target, let source):
            return "timeframe \(target) is not a whole multiple of the data's \(source): pick a multiple of \(source)"
        }
    }
}
