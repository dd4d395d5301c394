import PineLanguage

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
