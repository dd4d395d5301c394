import Foundation
import PineEngine
import PineLanguage

/// Hands runs to pool workers in plan order and puts their results back in
/// that order, whatever order they finish in.
///
/// Finished runs go to the journal at once (so nothing finished is lost);
/// they reach the collectors (runs.csv, leaderboard) strictly in scheduling
/// order. A bounded window of runs in flight keeps memory flat. Runs the
/// journal already holds are replayed without running them again.
final class RunScheduler: @unchecked Sendable {
    struct Task: Sendable {
        var seq: Int
        var segment: Int
        var request: RunRequest
        var values: [InputValue]
    }

    private let condition = NSCondition()
    private let segments: [PlanSegment]
    private let journal: Journal
    private let cancellation: CancellationFlag?
    private let window: Int
    /// Every run must come from the journal (a merge of finished shards).
    private let journalOnly: Bool
    private let metricCount = MetricCatalog.flatNames.count

    private var current = 0
    private var nextSeq = 0
    private var drainSeq = 0
    private var pending: [Int: (segment: Int, record: RunRecord)] = [:]
    private(set) var error: SweepError?
    private var liveWorkers = 0
    private var workerError: String?

    // Progress counters (read under the lock through `snapshot`).
    private var freshDone = 0
    private var reusedDone = 0
    private var failedDone = 0

    init(
        segments: [PlanSegment], journal: Journal, cancellation: CancellationFlag?, window: Int,
        journalOnly: Bool = false
    ) {
        self.segments = segments
        self.journalOnly = journalOnly
        self.journal = journal
        self.cancellation = cancellation
        self.window = max(8, window)
    }

    /// The next run to do, or nil when the plan is done, cancelled or broken.
    func nextTask() -> Task? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if error != nil || cancellation?.isCancelled == true { return nil }
            if nextSeq - drainSeq >= window {
                condition.wait()
                continue
            }
            guard current < segments.count else { return nil }
            let segment = segments[current]
            guard let (index, values) = segment.next() else {
                segment.exhausted = true
                current += 1
                continue
            }
            let seq = nextSeq
            nextSeq += 1
            if let entry = journal.lookup(segment: segment.id, index: index) {
                let record = RunRecord(
                    index: index, values: values, status: entry.status, metrics: entry.metrics, returns: entry.returns)
                reusedDone += 1
                store(seq: seq, segment: current, record: record)
                continue
            }
            if journalOnly {
                error = .shards(
                    "run \(index)\(segments.count > 1 ? " of fold \(segment.id)" : "") is in no shard's journal: re-run the shard that lacks it, then merge again")
                return nil
            }
            let request = RunRequest(
                runIndex: index, inputs: segment.planner.space.requestInputs(values),
                tradeFrom: segment.tradeFrom, tradeTo: segment.tradeTo,
                returnPeriod: segment.returnSampler?.period(for: index))
            return Task(seq: seq, segment: current, request: request, values: values)
        }
    }

    /// Records a finished run.
    func complete(_ task: Task, _ outcome: RunOutcome) {
        var status = outcome.status
        var metrics = outcome.metrics
        if status == .ok && metrics.count != metricCount {
            status = .failed("the engine returned \(metrics.count) metrics, expected \(metricCount)")
            metrics = []
        }
        let returns = status == .ok ? outcome.returns : []
        if status != .ok { metrics = [] }
        let record = RunRecord(
            index: task.request.runIndex, values: task.values, status: status, metrics: metrics, returns: returns)
        condition.lock()
        defer { condition.unlock() }
        freshDone += 1
        do {
            try journal.append(Journal.Entry(segment: segments[task.segment].id, index: record.index,
                                             status: status, metrics: metrics, returns: returns))
        } catch {
            if self.error == nil { self.error = error }
        }
        store(seq: task.seq, segment: task.segment, record: record)
    }

    /// Called under the lock: queue a result and drain what is in order.
    private func store(seq: Int, segment: Int, record: RunRecord) {
        if !record.isOK { failedDone += 1 }
        pending[seq] = (segment, record)
        while let next = pending.removeValue(forKey: drainSeq) {
            do {
                try segments[next.segment].collector.accept(next.record)
            } catch {
                if self.error == nil { self.error = error }
            }
            drainSeq += 1
        }
        condition.broadcast()
    }

    func workerStarted() {
        condition.lock()
        liveWorkers += 1
        condition.unlock()
    }

    /// A worker could not be made. When no worker runs at all the sweep stops.
    func workerFailed(_ message: String) {
        condition.lock()
        workerError = message
        condition.unlock()
    }

    /// After every thread has ended: an error when no worker ever started.
    func finalCheck(threads: Int) {
        condition.lock()
        defer { condition.unlock() }
        if liveWorkers == 0, let workerError, error == nil { error = .noWorker(workerError) }
    }

    /// True when every segment's plan was walked to its end (not cancelled).
    var isComplete: Bool {
        condition.lock()
        defer { condition.unlock() }
        return current >= segments.count && pending.isEmpty && drainSeq == nextSeq
    }

    /// Counters for the progress line.
    func snapshot() -> (fresh: Int, reused: Int, failed: Int, examined: Int, segment: Int, best: Double?) {
        condition.lock()
        defer { condition.unlock() }
        let examined = segments.reduce(0) { $0 + $1.iterator.examined }
        let seg = min(current, max(0, segments.count - 1))
        var best: Double? = nil
        if !segments.isEmpty { best = segments[seg].collector.bestObjective }
        return (freshDone, reusedDone, failedDone, examined, seg, best)
    }
}
