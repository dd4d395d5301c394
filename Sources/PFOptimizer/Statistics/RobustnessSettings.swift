/// How the robustness statistics are computed.
public struct RobustnessSettings: Sendable, Equatable {
    /// The return period (ms): one UTC day.
    public var period: Int64
    /// Blocks for the cross-validation (even, 2 ... 24).
    public var blocks: Int
    /// At most about this many runs keep their return series (a seeded sample beyond).
    public var sampleCapacity: Int
    /// Monte Carlo resamples per method.
    public var resamples: Int
    /// Seed of the return sample and the Monte Carlo draws.
    public var seed: UInt64

    public init(
        period: Int64 = PeriodReturns.day, blocks: Int = 16, sampleCapacity: Int = 2000, resamples: Int = 1000,
        seed: UInt64 = 42
    ) {
        self.period = period
        self.blocks = blocks
        self.sampleCapacity = sampleCapacity
        self.resamples = resamples
        self.seed = seed
    }
}
