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
