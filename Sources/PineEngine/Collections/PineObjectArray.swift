/// An array of objects: the references, `na` elements as nil, behind a
/// pointer the array allocates and frees (no runtime exclusivity checks per
/// access).
final class PineObjectArray {
    private let storage: UnsafeMutablePointer<[AnyObject?]>

    var items: [AnyObject?] {
        @inline(__always) _read { yield storage.pointee }
        @inline(__always) _modify { yield &storage.pointee }
    }

    init(items: [AnyObject?]) {
        storage = .allocate(capacity: 1)
        storage.initialize(to: items)
    }

    deinit {
        storage.deinitialize(count: 1)
        storage.deallocate()
    }
}
