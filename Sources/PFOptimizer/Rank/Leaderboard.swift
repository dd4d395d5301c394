/// The best N runs that pass the filters, kept in a bounded heap whose root
/// is the worst kept run, so memory stays O(N) however many runs stream by.
public struct Leaderboard: Sendable {
    /// A ranked run.
    public struct Entry: Sendable, Equatable {
        public var record: RunRecord
        public var objective: Double
    }

    public let capacity: Int
    private let objective: Objective
    private var heap: [Entry] = []

    public init(capacity: Int, objective: Objective) {
        self.capacity = max(1, capacity)
        self.objective = objective
        heap.reserveCapacity(self.capacity)
    }

    /// The number of runs kept.
    public var count: Int { heap.count }

    private func above(_ a: Entry, _ b: Entry) -> Bool {
        objective.ranksAbove(a.objective, a.record.index, b.objective, b.record.index)
    }

    /// Offers a run that passed the filters.
    public mutating func offer(_ record: RunRecord, objective value: Double) {
        let entry = Entry(record: record, objective: value)
        if heap.count < capacity {
            heap.append(entry)
            siftUp(heap.count - 1)
        } else if let worst = heap.first, above(entry, worst) {
            heap[0] = entry
            siftDown(0)
        }
    }

    /// The kept runs, best first.
    public var ranked: [Entry] {
        heap.sorted { above($0, $1) }
    }

    /// The best run, if any.
    public var best: Entry? {
        heap.min { above($0, $1) }
    }

    // The heap is ordered so that every parent ranks *below* its children.
    private mutating func siftUp(_ start: Int) {
        var i = start
        while i > 0 {
            let parent = (i - 1) / 2
            guard above(heap[parent], heap[i]) else { return }
            heap.swapAt(parent, i)
            i = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        while true {
            let l = 2 * i + 1
            let r = l + 1
            var worst = i
            if l < heap.count, above(heap[worst], heap[l]) { worst = l }
            if r < heap.count, above(heap[worst], heap[r]) { worst = r }
            if worst == i { return }
            heap.swapAt(i, worst)
            i = worst
        }
    }
}
