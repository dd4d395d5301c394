/// The snapshot of one value of type `T`.
final class TypedSnapshot<T>: StateSnapshot {
    private let pointer: UnsafeMutablePointer<T>
    private var saved: T

    init(_ pointer: UnsafeMutablePointer<T>) {
        self.pointer = pointer
        saved = pointer.pointee
    }

    override func save() { saved = pointer.pointee }
    override func restore() { pointer.pointee = saved }
}
