import Foundation

/// Per-fold outcome slots filled from many threads.
final class OutcomeSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [RunOutcome?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ o: RunOutcome) {
        lock.lock()
        slots[i] = o
        lock.unlock()
    }
    func get(_ i: Int) -> RunOutcome? {
        lock.lock()
        defer { lock.unlock() }
        return slots[i]
    }
}
