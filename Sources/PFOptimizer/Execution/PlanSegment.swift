import PineLanguage

/// One plan the pool works through: a sweep has one; a walk-forward has one
/// per fold (its in-sample sweep).
final class PlanSegment {
    let id: Int
    let planner: Planner
    var iterator: Planner.Iterator
    let tradeFrom: Int64?
    let tradeTo: Int64?
    let collector: SegmentCollector
    /// Which runs report period returns (nil: none).
    let returnSampler: ReturnSampler?
    var exhausted = false
    /// Only this shard's runs are handed out (all when nil).
    let shard: Shard?
    /// Scheduled runs walked so far (this shard's and the others').
    private var position = 0

    init(
        id: Int, planner: Planner, tradeFrom: Int64?, tradeTo: Int64?, collector: SegmentCollector,
        returnSampler: ReturnSampler? = nil, shard: Shard? = nil
    ) {
        self.returnSampler = returnSampler
        self.id = id
        self.shard = shard
        self.planner = planner
        self.iterator = planner.makeIterator()
        self.tradeFrom = tradeFrom
        self.tradeTo = tradeTo
        self.collector = collector
    }

    /// The next run of this segment (of its shard, when sharded).
    func next() -> (index: Int, values: [InputValue])? {
        while let run = iterator.next() {
            position += 1
            if shard?.owns(position: position - 1) ?? true { return run }
        }
        return nil
    }
}
