/// One value held by an object field or a map: a number (int, float, bool,
/// color and enum members are numbers; `na` is NaN), a string, or a reference
/// (an object, array, map or matrix; nil is `na`).
enum PineValue {
    case number(Double)
    case text(String)
    case reference(AnyObject?)

    @inline(__always) var number: Double {
        if case .number(let x) = self { return x }
        return .nan
    }

    @inline(__always) var text: String {
        if case .text(let s) = self { return s }
        return ""
    }

    @inline(__always) var reference: AnyObject? {
        if case .reference(let o) = self { return o }
        return nil
    }
}

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
