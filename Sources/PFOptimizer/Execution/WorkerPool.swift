import Dispatch
import Foundation

/// Runs a scheduler's tasks on `jobs` threads, one engine worker each, while
/// the calling thread reports progress.
enum WorkerPool {
    /// Runs the scheduler's tasks. The first worker runs its first task
    /// alone; what that took in memory decides how many more workers fit
    /// (see ``MemoryBudget``). Returns a note when fewer than `jobs` ran.
    @discardableResult
    static func run(
        _ scheduler: RunScheduler, evaluator: any BacktestEvaluator, jobs: Int,
        progressInterval: Double = 0.25, onTick: () -> Void
    ) -> String? {
        let group = DispatchGroup()
        let count = max(1, jobs)
        let probed = DispatchSemaphore(value: 0)
        let perWorker = TaskCounter()
        func start(_ slot: Int, _ body: @escaping @Sendable () -> Void) {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                body()
            }
            thread.name = "pfopt-worker-\(slot)"
            thread.stackSize = 16 << 20
            thread.start()
        }
        start(0) {
            let before = MemoryBudget.residentBytes()
            var measured = false
            func measure() {
                guard !measured else { return }
                measured = true
                if let before, let after = MemoryBudget.residentBytes() { perWorker.add(max(after - before, 1 << 20)) }
                probed.signal()
            }
            defer { measure() }
            guard let worker = makeWorker(scheduler, evaluator) else { return }
            while let task = scheduler.nextTask() {
                scheduler.complete(task, worker.run(task.request))
                measure()
            }
        }
        var note: String? = nil
        if count > 1 {
            while probed.wait(timeout: .now() + progressInterval) == .timedOut { onTick() }
            let sizing = MemoryBudget.affordable(
                wanted: count - 1, perWorker: perWorker.value, available: MemoryBudget.availableBytes())
            note = sizing.note
            for slot in 1..<(1 + sizing.count) {
                start(slot) {
                    guard let worker = makeWorker(scheduler, evaluator) else { return }
                    while let task = scheduler.nextTask() {
                        scheduler.complete(task, worker.run(task.request))
                    }
                }
            }
        }
        while group.wait(timeout: .now() + progressInterval) == .timedOut {
            onTick()
        }
        scheduler.finalCheck(threads: count)
        onTick()
        return note
    }

    private static func makeWorker(_ scheduler: RunScheduler, _ evaluator: any BacktestEvaluator) -> (any BacktestWorker)? {
        do {
            let worker = try evaluator.makeWorker()
            scheduler.workerStarted()
            return worker
        } catch {
            scheduler.workerFailed(String(describing: error))
            return nil
        }
    }
}

extension WorkerPool {
    /// Calls `body(worker, i)` for i in 0..<count on up to `jobs` threads,
    /// each with its own worker. Returns a worker-creation error when no
    /// worker could be made.
    static func forEach(
        count: Int, jobs: Int, evaluator: any BacktestEvaluator,
        body: @escaping @Sendable (any BacktestWorker, Int) -> Void
    ) -> String? {
        guard count > 0 else { return nil }
        let next = TaskCounter()
        let failure = TaskCounter()
        let message = LockedText()
        let group = DispatchGroup()
        let threads = max(1, min(jobs, count))
        for _ in 0..<threads {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                let worker: any BacktestWorker
                do {
                    worker = try evaluator.makeWorker()
                } catch {
                    failure.next()
                    message.set(String(describing: error))
                    return
                }
                while true {
                    let i = next.next()
                    if i >= count { return }
                    body(worker, i)
                }
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        group.wait()
        return failure.value == threads ? message.value : nil
    }
}
