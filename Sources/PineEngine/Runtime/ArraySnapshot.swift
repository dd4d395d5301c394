/// The snapshot of a state holding an array: the reference and its elements.
final class ArraySnapshot: StateSnapshot {
    private let pointer: UnsafeMutablePointer<PineArray?>
    private var array: PineArray?
    private var values: [Double] = []
    private var strings: [String] = []

    init(_ pointer: UnsafeMutablePointer<PineArray?>) {
        self.pointer = pointer
        array = pointer.pointee
    }

    override func save() {
        array = pointer.pointee
        values = array?.values ?? []
        strings = array?.strings ?? []
    }

    override func restore() {
        pointer.pointee = array
        guard let array else { return }
        array.values = values
        array.strings = strings
    }
}
