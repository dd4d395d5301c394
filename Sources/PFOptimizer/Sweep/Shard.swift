/// One part of a plan split over machines: shard `index` of `count`.
///
/// Every shard walks the same plan (candidates, constraints and duplicate
/// draws are decided by the plan alone, so the walk is the same on every
/// machine) and takes the scheduled runs whose position k in that walk has
/// `k % count == index`. The shards are disjoint, cover the plan, and their
/// sizes differ by at most one run per plan.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 0-based, so `$SLURM_ARRAY_TASK_ID` fits.
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws(SweepError) {
        guard count >= 1 else { throw .refused("--shard: the shard count must be 1 or more (got \(count))") }
        guard index >= 0 && index < count else {
            throw .refused("--shard: shard \(index) is outside 0...\(count - 1) (shards are numbered from 0)")
        }
        self.index = index
        self.count = count
    }

    /// Parses `I/N`.
    public init(parsing text: String) throws(SweepError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw .refused("--shard \(text): expected I/N, e.g. --shard 0/4 for the first of four shards")
        }
        try self.init(index: i, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// True when the k-th scheduled run of a plan (0-based) is this shard's.
    @inline(__always)
    public func owns(position k: Int) -> Bool { k % count == index }

    /// The folder of this shard's journal and partial outputs.
    public func directory(in outputDirectory: String) -> String {
        outputDirectory + "/shards/" + String(index)
    }
}
