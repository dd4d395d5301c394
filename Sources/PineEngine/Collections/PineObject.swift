/// An object of a user-defined type: a reference to its fields, in
/// declaration order. Assigning an object copies the reference; `copy()`
/// makes a new object with the same field values (a shallow copy: fields that
/// hold references share them).
///
/// The fields live in a fixed-size buffer the object allocates and frees: a
/// field is read or written in place (no array, no runtime exclusivity
/// check, no copy of the value to read a number).
final class PineObject {
    private let storage: UnsafeMutablePointer<PineValue>
    /// The number of fields.
    let count: Int

    init(fields: [PineValue]) {
        count = fields.count
        storage = .allocate(capacity: max(count, 1))
        storage.initialize(from: fields, count: count)
    }

    private init(copying other: PineObject) {
        count = other.count
        storage = .allocate(capacity: max(count, 1))
        storage.initialize(from: other.storage, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    /// The value of field `i` (any kind).
    subscript(_ i: Int) -> PineValue {
        @inline(__always) _read { yield storage[i] }
        @inline(__always) _modify { yield &storage[i] }
    }

    /// The number held by field `i` (int, float, bool, color, enum), read in place.
    @inline(__always) func number(_ i: Int) -> Double {
        if case .number(let x) = storage[i] { return x }
        return .nan
    }

    /// Stores the number `x` in field `i`.
    @inline(__always) func setNumber(_ x: Double, _ i: Int) {
        storage[i] = .number(x)
    }

    func copy() -> PineObject { PineObject(copying: self) }
}
