/// Decides which runs of a plan report their period returns: all of them
/// when the plan has at most `capacity` runs, otherwise each run with
/// probability capacity / planned, by a seeded hash of its run index.
/// The choice depends only on the run index, the plan size and the seed,
/// so it is the same for any number of jobs, after a resume, and in every
/// shard of a split sweep.
public struct ReturnSampler: Sendable, Equatable {
    public var period: Int64
    public var capacity: Int
    public var planned: Int
    public var seed: UInt64

    public init(period: Int64, capacity: Int, planned: Int, seed: UInt64) {
        self.period = period
        self.capacity = capacity
        self.planned = planned
        self.seed = seed
    }

    /// True when every run is kept.
    public var keepsAll: Bool { planned <= capacity }

    /// True when run `index` is kept.
    public func keeps(_ index: Int) -> Bool {
        if keepsAll { return true }
        let u = Double(Planner.mix(seed ^ 0x5245_5455_524E_53 &+ UInt64(truncatingIfNeeded: index)) >> 11)
            / 9_007_199_254_740_992
        return u < Double(capacity) / Double(planned)
    }

    /// The period to ask run `index` for, or nil when it is not kept.
    public func period(for index: Int) -> Int64? {
        keeps(index) ? period : nil
    }
}
