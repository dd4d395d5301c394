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
