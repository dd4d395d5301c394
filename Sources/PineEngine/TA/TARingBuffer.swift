/// A fixed-capacity ring buffer of `Double` values used by the `ta.*` states for their windows.
///
/// Storage is allocated once (on the first `reserve`/`resize`) and reused: pushing a value
/// never allocates. When the buffer is full, a push evicts and returns the oldest value.
/// Index `0` is the newest value, `count - 1` the oldest; out-of-range reads give NaN (`na`).
public struct TARingBuffer: Sendable {
    @usableFromInline internal var storage: [Double] = []
    @usableFromInline internal var head: Int = 0
    @usableFromInline internal var held: Int = 0

    /// Number of values currently held (at most `capacity`).
    @inlinable public var count: Int { held }

    /// Creates an empty buffer with no storage.
    public init() {}

    /// Creates an empty buffer holding up to `capacity` values.
    public init(capacity: Int) {
        storage = [Double](repeating: .nan, count: max(0, capacity))
    }

    /// Maximum number of values held.
    @inlinable public var capacity: Int { storage.count }

    /// True when the buffer holds `capacity` values.
    @inlinable public var isFull: Bool { count == storage.count }

    /// Appends `value`; returns the evicted oldest value when the buffer was full, else nil.
    /// With zero capacity the value itself is returned (it is evicted at once).
    @inlinable @discardableResult
    public mutating func push(_ value: Double) -> Double? {
        let cap = storage.count
        if cap == 0 { return value }
        var evicted: Double? = nil
        if held == cap {
            evicted = storage[head]
        } else {
            held += 1
        }
        storage[head] = value
        head += 1
        if head == cap { head = 0 }
        return evicted
    }

    /// The value pushed `ago` pushes before the newest (`0` = newest); NaN when out of range.
    @inlinable public subscript(ago: Int) -> Double {
        guard ago >= 0, ago < count else { return .nan }
        var index = head - 1 - ago
        if index < 0 { index += storage.count }
        return storage[index]
    }

    /// Replaces the newest value (no-op when empty).
    @inlinable public mutating func replaceNewest(_ value: Double) {
        guard count > 0 else { return }
        var index = head - 1
        if index < 0 { index += storage.count }
        storage[index] = value
    }

    /// Changes the capacity, keeping the newest `min(count, capacity)` values in order.
    public mutating func resize(capacity newCapacity: Int) {
        let newCap = max(0, newCapacity)
        if newCap == storage.count { return }
        let kept = min(count, newCap)
        var newStorage = [Double](repeating: .nan, count: newCap)
        // Oldest kept value goes first.
        for i in 0..<kept {
            newStorage[i] = self[kept - 1 - i]
        }
        storage = newStorage
        held = kept
        head = newCap == 0 ? 0 : kept % newCap
    }

    /// Removes all values, keeping the storage.
    public mutating func removeAll() {
        held = 0
        head = 0
    }
}
