/// The history of a variable holding a reference: what it held on each of the
/// last bars (`obj[1]` is the object the variable held one bar ago, the
/// object itself, not a snapshot of its fields).
struct ReferenceRing {
    private var storage: [AnyObject?]
    private var head = -1
    private var filled = 0

    init(capacity: Int) {
        storage = Array(repeating: nil, count: max(capacity, 1) + 1)
    }

    /// Starts a new bar holding `value`.
    mutating func push(_ value: AnyObject?) {
        head = (head + 1) % storage.count
        storage[head] = value
        if filled < storage.count { filled += 1 }
    }

    /// Replaces the current bar's value (`:=`).
    mutating func set(_ value: AnyObject?) {
        if head < 0 { push(value) } else { storage[head] = value }
    }

    /// The value `offset` bars back; nil (`na`) beyond what was recorded.
    func get(_ offset: Int) -> AnyObject? {
        if offset < 0 || offset >= filled { return nil }
        return storage[(head - offset + storage.count) % storage.count]
    }

    var current: AnyObject? { head < 0 ? nil : storage[head] }
}
