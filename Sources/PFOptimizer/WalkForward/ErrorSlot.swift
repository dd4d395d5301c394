import Foundation

/// The first error of many threads.
final class ErrorSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var error: SweepError?
    func set(_ e: SweepError) {
        lock.lock()
        if error == nil { error = e }
        lock.unlock()
    }
    var value: SweepError? {
        lock.lock()
        defer { lock.unlock() }
        return error
    }
}
