import PineLanguage

/// What the compiler knows of `//@version=5` bools that can be `na`.
///
/// Version 5 bools have three states: true, false and `na`. A bool is `na`
/// when it is the `na` literal, when it reads a bool's history before the
/// first bar, when it is a ternary choosing such a value, or an `if`/`switch`
/// value where no arm is taken and there is no `else`; a bool variable holds
/// whatever it was given. `na` reads as false wherever a bool is used as a
/// condition (`if`, `?:`, `and`, `or`, `not`); `na()`, `nz()` and `fixnan()`
/// see the third state, and `==`/`!=` treat `na` as equal to neither true
/// nor false.
///
/// Bool variables keep their values in `Double` cells (1 true, 0 false), so
/// a version 5 bool variable keeps `na` as NaN. The compiler notes, for each
/// expression whose `na` it knows exactly, a closure giving its three-state
/// value and the variables it reads; and for each bool variable, what was
/// stored into it. A comparison is never `na` (an `na` operand makes it
/// false), nor is `and`/`or`/`not` of values that are never `na`. Once the
/// script is compiled, `na(x)` of a variable is refused when something
/// stored into it (or into a variable it was given) has an `na` this
/// compiler does not know exactly (a function's result, `and`/`or`/`not` of
/// a variable: version 5 may make those `na` in ways not reproduced here),
/// and `a == b` of two bools is refused when either may be `na`.
final class Version5Bools {
    /// A three-state value: 1 (true), 0 (false) or NaN (`na`), the bool
    /// variables and columns it reads, and whether it may be `na` by itself
    /// (history, the `na` literal) rather than through what those hold.
    struct State {
        let read: NumFn
        let sources: [UnsafeMutableRawPointer]
        let mayBeNa: Bool
    }

    /// One store into a bool variable: whether its `na` is known exactly,
    /// whether it may store `na` by itself, and the variables it copies.
    struct Store {
        let exact: Bool
        let mayBeNa: Bool
        let sources: [UnsafeMutableRawPointer]
        let range: SourceRange
    }

    /// The state of the expression compiled last at each range, when its `na`
    /// is known exactly and it may be `na`.
    var states: [SourceRange: State] = [:]
    /// The stores into each bool variable or column, by its storage.
    var stores: [UnsafeMutableRawPointer: [Store]] = [:]
    /// The variables whose `na` the script reads (`na()`, `nz()`, `fixnan()`).
    var observed: [(source: UnsafeMutableRawPointer, name: String, at: SourceRange)] = []
    /// The variables compared with `==`/`!=` to another bool that is not a literal.
    var compared: [(source: UnsafeMutableRawPointer, at: SourceRange)] = []

    /// The key of a variable's storage.
    static func key(_ storage: Storage) -> UnsafeMutableRawPointer {
        switch storage {
        case .cell(let p): return UnsafeMutableRawPointer(p)
        case .ring(let r): return UnsafeMutableRawPointer(r)
        }
    }

    static func key(_ column: Column) -> UnsafeMutableRawPointer {
        Unmanaged.passUnretained(column).toOpaque()
    }

    /// The first store, into `source` or a variable whose value reached it,
    /// whose `na` is not known exactly.
    func inexactStore(reaching source: UnsafeMutableRawPointer) -> Store? {
        var seen: Set<UnsafeMutableRawPointer> = []
        var pending = [source]
        while let s = pending.popLast() {
            guard seen.insert(s).inserted else { continue }
            for store in stores[s] ?? [] {
                if !store.exact { return store }
                pending += store.sources
            }
        }
        return nil
    }

    /// Whether `source`, or a variable whose value reached it, may hold `na`.
    func mayHoldNa(_ source: UnsafeMutableRawPointer) -> Bool {
        var seen: Set<UnsafeMutableRawPointer> = []
        var pending = [source]
        while let s = pending.popLast() {
            guard seen.insert(s).inserted else { continue }
            for store in stores[s] ?? [] {
                if store.mayBeNa { return true }
                pending += store.sources
            }
        }
        return false
    }
}
