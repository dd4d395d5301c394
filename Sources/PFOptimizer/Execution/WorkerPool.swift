import Dispatch
import Foundation

/// Runs a scheduler's tasks on `jobs` threads, one engine worker each, while
/// the calling thread reports progress.
enum WorkerPool {
    static func run(
        _ scheduler: RunScheduler, evaluator: any BacktestEvaluator, jobs: Int,
        progressInterval: Double = 0.25, onTick: () -> Void
    ) {
        let group = DispatchGroup()
        let count = max(1, jobs)
        for slot in 0..<count {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                let worker: any BacktestWorker
                do {
                    worker = try evaluator.makeWorker()
                } catch {
                    scheduler.workerFailed(String(describing: error))
                    return
                }
                scheduler.workerStarted()
                while let task = scheduler.nextTask() {
                    let outcome = worker.run(task.request)
                    scheduler.complete(task, outcome)
                }
            }
            thread.name = "pfopt-worker-\(slot)"
            thread.stackSize = 16 << 20
            thread.start()
        }
        while group.wait(timeout: .now() + progressInterval) == .timedOut {
            onTick()
        }
        scheduler.finalCheck(threads: count)
        onTick()
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

/// A thread-safe counter.
final class TaskCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    /// Returns the current value and increments it.
    @discardableResult
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count - 1
    }
    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}

/// A thread-safe string.
final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func set(_ s: String) {
        lock.lock()
        text = s
        lock.unlock()
    }
    var value: String {
        lock.lock()
        defer { lock.unlock() }
        return text
    }
}
