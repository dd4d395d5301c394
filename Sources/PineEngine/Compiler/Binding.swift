import PineLanguage

/// What a name in scope refers to while an instance is built.
enum Binding {
    /// A number or bool variable: its cell, or its history ring when the
    /// script reads its past values.
    case value(Storage, ValueType)
    case string(UnsafeMutablePointer<String>)
    /// An array of numbers or strings: its cell, and its history ring when
    /// the script reads what it held on past bars.
    case array(ArrayStorage, ValueType)
    /// An object, map, matrix or array of objects: its cell, or its history
    /// ring when the script reads what it held on past bars.
    case reference(ReferenceStorage, ValueType)
    /// A pure series computed for every bar before the bar loop.
    case column(Column, ValueType)
    /// A user function, inlined (with its own state) at every call site.
    case function(FunctionDeclaration)
}

/// Where a numeric variable lives.
enum Storage {
    case cell(UnsafeMutablePointer<Double>)
    case ring(UnsafeMutablePointer<HistoryRing>)

    var read: NumFn {
        switch self {
        case .cell(let p): return { _ in p.pointee }
        case .ring(let r): return { _ in r.pointee.current }
        }
    }

    /// Writes the current value (`:=`).
    @inline(__always) func set(_ v: Double) {
        switch self {
        case .cell(let p): p.pointee = v
        case .ring(let r): r.pointee.set(v)
        }
    }

    /// Starts the value of a new bar / call (a declaration executing).
    @inline(__always) func declare(_ v: Double) {
        switch self {
        case .cell(let p): p.pointee = v
        case .ring(let r): r.pointee.push(v)
        }
    }
}

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
