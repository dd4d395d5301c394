/// A fixed-capacity ring buffer of one series' history: the storage behind
/// `x[n]`. Index 0 is the current value, 1 the previous one, and so on; reads
/// beyond what was recorded are `na` (NaN).
///
/// Lives in memory owned by a `Runtime` (never moved), so closures can hold a
/// pointer to it and the per-bar path has no reference counting.
struct HistoryRing {
    private var storage: UnsafeMutablePointer<Double>
    private let mask: Int
    private var head = -1
    private var filled = 0

    /// Makes a ring that keeps at least `capacity` values.
    init(capacity: Int) {
        var size = 1
        while size < max(capacity, 2) { size <<= 1 }
        storage = .allocate(capacity: size)
        storage.initialize(repeating: .nan, count: size)
        mask = size - 1
    }

    /// The number of values the ring can hold.
    var capacity: Int { mask + 1 }

    /// Starts a new element holding `value` (a new bar, or a new call).
    @inline(__always)
    mutating func push(_ value: Double) {
        head = (head + 1) & mask
        storage[head] = value
        if filled <= mask { filled += 1 }
    }

    /// Replaces the current element (`:=` on a series already pushed).
    @inline(__always)
    mutating func set(_ value: Double) {
        if head < 0 { push(value) } else { storage[head] = value }
    }

    /// The value `offset` elements back; `na` beyond what was recorded.
    @inline(__always)
    func get(_ offset: Int) -> Double {
        if offset < 0 || offset >= filled { return .nan }
        return storage[(head - offset) & mask]
    }

    /// The current value (`na` before the first push).
    @inline(__always)
    var current: Double { head < 0 ? .nan : storage[head] }

    /// Forgets every value (a new run).
    mutating func clear() {
        head = -1
        filled = 0
    }

    /// A copy of the ring's contents (see `save(into:)`).
    struct Saved {
        var head = -1
        var filled = 0
        var values: [Double] = []
    }

    /// Copies the whole ring into `saved` (its storage is reused).
    func save(into saved: inout Saved) {
        saved.head = head
        saved.filled = filled
        let size = mask + 1
        if saved.values.count != size { saved.values = Array(repeating: .nan, count: size) }
        saved.values.withUnsafeMutableBufferPointer { out in
            if let base = out.baseAddress { base.update(from: storage, count: size) }
        }
    }

    /// Puts back what `save(into:)` copied.
    mutating func restore(from saved: Saved) {
        head = saved.head
        filled = saved.filled
        saved.values.withUnsafeBufferPointer { kept in
            if let base = kept.baseAddress { storage.update(from: base, count: min(kept.count, mask + 1)) }
        }
    }

    /// Frees the storage; the ring must not be used afterwards.
    func deallocate() { storage.deallocate() }
}
