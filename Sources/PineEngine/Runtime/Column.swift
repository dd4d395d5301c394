/// A whole series computed ahead of the bar loop: the values of a pure
/// expression (one that depends only on bars and inputs) for every bar.
/// Sized when the instance is pointed at its bars; reused across runs.
final class Column {
    private(set) var data: UnsafeMutablePointer<Double>
    private(set) var capacity: Int

    init() {
        capacity = 1
        data = .allocate(capacity: 1)
        data.initialize(to: .nan)
    }

    /// Makes room for `count` values.
    func reserve(_ count: Int) {
        guard count > capacity else { return }
        data.deallocate()
        data = .allocate(capacity: count)
        data.initialize(repeating: .nan, count: count)
        capacity = count
    }

    deinit { data.deallocate() }
}
