import Synchronization

/// A flag a sweep polls between runs; set it (e.g. on Ctrl-C) to stop
/// scheduling new runs. Runs in flight finish and are saved.
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Asks the sweep to stop.
    public func cancel() { flag.store(true, ordering: .relaxed) }

    /// True once `cancel()` was called.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
