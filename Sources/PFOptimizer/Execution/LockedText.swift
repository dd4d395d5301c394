import Dispatch
import Foundation

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
