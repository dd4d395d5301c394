/// A Pine array: one reference per `array.new` (arrays are references in Pine).
/// Its elements live behind a pointer the array owns, so the per-bar
/// reads and writes carry no runtime exclusivity checks.
final class PineArray {
    private struct Elements {
        var values: [Double]
        var strings: [String]
    }

    private let elements: UnsafeMutablePointer<Elements>
    let holdsStrings: Bool

    var values: [Double] {
        @inline(__always) _read { yield elements.pointee.values }
        @inline(__always) _modify { yield &elements.pointee.values }
    }

    var strings: [String] {
        @inline(__always) _read { yield elements.pointee.strings }
        @inline(__always) _modify { yield &elements.pointee.strings }
    }

    init(count: Int, fill: Double) {
        elements = .allocate(capacity: 1)
        elements.initialize(to: Elements(values: Array(repeating: fill, count: max(0, count)), strings: []))
        holdsStrings = false
    }

    init(strings: [String]) {
        elements = .allocate(capacity: 1)
        elements.initialize(to: Elements(values: [], strings: strings))
        holdsStrings = true
    }

    deinit {
        elements.deinitialize(count: 1)
        elements.deallocate()
    }

    var count: Int { holdsStrings ? strings.count : values.count }

    /// `na` carried as an array value: what a variable, a field, a ternary
    /// or a function result holding no array gives. It is never changed:
    /// every operation on an array first checks for it (see
    /// `InstanceBuilder.array`), and storing it stores `na`.
    nonisolated(unsafe) static let na = PineArray(count: 0, fill: .nan)

    /// True for the `na` array.
    @inline(__always) var isNa: Bool { self === PineArray.na }
}
