import PineLanguage

/// Where a variable holding an array of numbers or strings lives: the cell
/// of its current array, and, when the script reads its past (`a[1]`), a ring
/// of the arrays it held on past bars (the arrays themselves, not copies).
struct ArrayStorage {
    let cell: UnsafeMutablePointer<PineArray?>
    let history: UnsafeMutablePointer<ReferenceRing>?

    /// Starts the value of a new bar (a declaration executing).
    @inline(__always) func declare(_ a: PineArray?) {
        cell.pointee = a
        history?.pointee.push(a)
    }

    /// Replaces the current value (`:=`).
    @inline(__always) func set(_ a: PineArray?) {
        cell.pointee = a
        history?.pointee.set(a)
    }

    /// Keeps the current array for a new bar (a `var` after its first bar).
    @inline(__always) func carry() {
        history?.pointee.push(cell.pointee)
    }

    /// The array held `offset` bars ago; nil (`na`) beyond what was recorded.
    @inline(__always) func past(_ offset: Int) -> PineArray? {
        guard let o = history?.pointee.get(offset) else { return nil }
        return unsafeDowncast(o, to: PineArray.self)
    }
}
