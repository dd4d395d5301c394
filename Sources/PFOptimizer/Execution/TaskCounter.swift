import Dispatch
import Foundation

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
    /// Adds `n` to the value.
    func add(_ n: Int) {
        lock.lock()
        count += n
        lock.unlock()
    }
}
