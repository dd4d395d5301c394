import Foundation

/// Pure series shared between the runs of one program over one data set.
///
/// A sweep runs the same script thousands of times with different inputs,
/// but a pure series such as `ta.sma(close, fast)` depends only on the bars
/// and the few inputs it reads: with 50 values of `fast` and 50 of `slow`
/// there are 2,500 runs but only 100 distinct averages. Runners given the
/// same cache compute each distinct series once and copy it afterwards.
/// Entries are keyed by the series' position in the program, the bar view
/// (plain or a synthetic magnifier's) and the values of the inputs it reads,
/// so a cached series is exactly the one the run would compute.
///
/// Share one cache only between runners of the same `PineProgram` and
/// `PreparedData`. It is thread-safe and bounded: when the stored series
/// exceed `budgetBytes`, the least recently used ones are dropped.
public final class ColumnCache: @unchecked Sendable {
    struct Key: Hashable {
        var job: Int
        var view: Magnifier
        var inputs: [UInt64]
    }

    private struct Entry {
        var values: [[Double]]
        var bytes: Int
        var lastUse: UInt64
        var hits = 0
    }

    /// The most bytes of series kept.
    public let budgetBytes: Int
    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    /// Keys computed once and not kept: a series is stored the second time
    /// it is computed, so series that only one run reads (a crossover of two
    /// searched averages) never push out the ones many runs share.
    private var seenOnce: Set<Key> = []
    private static let seenLimit = 100_000
    private var bytes = 0
    private var clock: UInt64 = 0
    private var hitCount = 0
    private var missCount = 0

    /// A cache keeping at most `budgetBytes` of series (default 64 MB: the 100
    /// distinct averages of a 50 x 50 SMA grid on 54k bars take 43 MB).
    public init(budgetBytes: Int = 64 << 20) {
        self.budgetBytes = max(0, budgetBytes)
    }

    /// Lookups answered from the cache and lookups that were not.
    public var statistics: (hits: Int, misses: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (hitCount, missCount)
    }

    /// Copies the stored series for `key` into `outputs`; false when absent.
    func load(_ key: Key, into outputs: [Column], count: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard var entry = entries[key], entry.values.count == outputs.count,
            entry.values.allSatisfy({ $0.count == count })
        else {
            missCount += 1
            return false
        }
        clock += 1
        entry.lastUse = clock
        entry.hits += 1
        entries[key] = entry
        hitCount += 1
        for (column, values) in zip(outputs, entry.values) {
            values.withUnsafeBufferPointer { buffer in
                if let base = buffer.baseAddress { column.data.update(from: base, count: count) }
            }
        }
        return true
    }

    /// Offers the first `count` values of `outputs` for `key`: kept when the
    /// key was computed before (see `seenOnce`).
    func store(_ key: Key, from outputs: [Column], count: Int) {
        let size = outputs.count * count * MemoryLayout<Double>.stride
        guard size <= budgetBytes else { return }
        lock.lock()
        defer { lock.unlock() }
        guard seenOnce.remove(key) != nil else {
            if seenOnce.count >= Self.seenLimit { seenOnce.removeAll(keepingCapacity: true) }
            seenOnce.insert(key)
            return
        }
        if let old = entries[key] { bytes -= old.bytes }
        clock += 1
        let values = outputs.map { Array(UnsafeBufferPointer(start: $0.data, count: count)) }
        entries[key] = Entry(values: values, bytes: size, lastUse: clock)
        bytes += size
        // Over budget: drop series never read back first, then the least recently used.
        while bytes > budgetBytes,
            let victim = entries.min(by: { a, b in
                (a.value.hits > 0) == (b.value.hits > 0) ? a.value.lastUse < b.value.lastUse : a.value.hits == 0
            })
        {
            bytes -= victim.value.bytes
            entries[victim.key] = nil
        }
    }
}
