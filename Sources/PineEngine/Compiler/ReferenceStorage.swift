import PineLanguage

/// Where a variable holding a reference lives.
enum ReferenceStorage {
    case cell(UnsafeMutablePointer<AnyObject?>)
    case ring(UnsafeMutablePointer<ReferenceRing>)

    var read: RefFn {
        switch self {
        case .cell(let p): return { _ in p.pointee }
        case .ring(let r): return { _ in r.pointee.current }
        }
    }

    /// Replaces the current value (`:=`).
    @inline(__always) func set(_ v: AnyObject?) {
        switch self {
        case .cell(let p): p.pointee = v
        case .ring(let r): r.pointee.set(v)
        }
    }

    /// Starts the value of a new bar (a declaration executing).
    @inline(__always) func declare(_ v: AnyObject?) {
        switch self {
        case .cell(let p): p.pointee = v
        case .ring(let r): r.pointee.push(v)
        }
    }

    /// Keeps the current value for a new bar (a `var` after its first bar).
    @inline(__always) func carry() {
        if case .ring(let r) = self { r.pointee.push(r.pointee.current) }
    }
}
