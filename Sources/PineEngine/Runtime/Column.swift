/// A whole series computed ahead of the bar loop: the values of a pure
/// expression (one that depends only on bars and inputs) for every bar.
/// Sized when the instance is pointed at its bars; reused across runs.
final class Column {
    /// The values' storage and its size, behind a pointer the column owns:
    /// per-bar reads go through it without runtime exclusivity checks.
    private struct Storage {
        var data: UnsafeMutablePointer<Double>
        var capacity: Int
    }

    private let storage: UnsafeMutablePointer<Storage>

    /// The values, one per bar.
    var data: UnsafeMutablePointer<Double> {
        @inline(__always) get { storage.pointee.data }
    }

    var capacity: Int { storage.pointee.capacity }

    init() {
        let data = UnsafeMutablePointer<Double>.allocate(capacity: 1)
        data.initialize(to: .nan)
        storage = .allocate(capacity: 1)
        storage.initialize(to: Storage(data: data, capacity: 1))
    }

    /// Makes room for `count` values.
    func reserve(_ count: Int) {
        guard count > storage.pointee.capacity else { return }
        storage.pointee.data.deallocate()
        let data = UnsafeMutablePointer<Double>.allocate(capacity: count)
        data.initialize(repeating: .nan, count: count)
        storage.pointee = Storage(data: data, capacity: count)
    }

    deinit {
        storage.pointee.data.deallocate()
        storage.deinitialize(count: 1)
        storage.deallocate()
    }
}
