/// `[search]`: how the planner walks the parameter space.
public struct SearchSection: Sendable, Equatable {
    public enum Method: String, Sendable, Equatable {
        case grid, random
    }

    public var method: Method
    /// Random: the number of runs; grid: an optional cap on the runs.
    public var trials: Int?
    public var seed: UInt64
    /// Expressions over parameters; combinations failing one are skipped.
    public var constraints: [String]
}
