/// `[data]`: the market data, its range and the bar magnifier.
public struct DataSection: Sendable, Equatable {
    /// The data file's absolute path.
    public var file: String
    /// The symbol TOML file's absolute path, if given.
    public var symbol: String?
    /// The script timeframe ("60"); nil: the data's.
    public var timeframe: String?
    /// Trade window start (Unix ms, inclusive); nil: the first bar.
    public var from: Int64?
    /// The first bar fed to the script (Unix ms); nil: the first bar of the
    /// file. Unlike `from`, earlier bars do not warm anything up.
    public var historyFrom: Int64? = nil
    /// Trade window end (Unix ms, exclusive); nil: the last bar.
    public var to: Int64?
    /// "off", "real" or "synthetic".
    public var magnifierMode: String
    public var magnifierSamples: Int
    public var magnifierDistribution: String
    /// A rate file between the strategy's currency and the symbol's (absolute path).
    public var fx: String? = nil
    /// A constant rate: 1 unit of the strategy's currency in the symbol's.
    public var fxRate: Double? = nil
    /// Other symbols `request.security` may read: ticker -> data file (absolute path).
    public var symbols: [String: String] = [:]
}

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

/// `[objective]`: what ranks the runs.
public struct ObjectiveSection: Sendable, Equatable {
    /// A metric name or an expression over metrics and parameters.
    public var rankBy: String
    public var maximize: Bool
    /// Expressions a run must satisfy to enter the leaderboard.
    public var filters: [String]
}

/// `[output]`: where results go.
public struct OutputSection: Sendable, Equatable {
    /// The output directory's absolute path.
    public var directory: String
    /// How many runs the leaderboard keeps.
    public var top: Int
}
