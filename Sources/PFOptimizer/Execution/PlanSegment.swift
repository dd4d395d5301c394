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

    init(
        id: Int, planner: Planner, tradeFrom: Int64?, tradeTo: Int64?, collector: SegmentCollector,
        returnSampler: ReturnSampler? = nil
    ) {
        self.returnSampler = returnSampler
        self.id = id
        self.planner = planner
        self.iterator = planner.makeIterator()
        self.tradeFrom = tradeFrom
        self.tradeTo = tradeTo
        self.collector = collector
    }
}
