/// Memory an engine instance owns for its whole life: value cells, history
/// rings and indicator states. Closures capture raw pointers into it, so the
/// per-bar path has no reference counting and no exclusivity checks. Every
/// allocation registers how to reset it for a new run and how to free it.
final class Arena {
    private var resetters: [() -> Void] = []
    private var releasers: [() -> Void] = []
    /// Snapshots of the cells and states allocated while `recordingStates` runs.
    private var recorded: [StateSnapshot]?
    /// Set before building an instance whose executions of one bar are
    /// undone (calc_on_order_fills): every allocation then joins `rollback`.
    var tracksRollback = false
    /// Set while allocating a `varip` variable's storage, which keeps its
    /// value across the executions of a bar.
    var exemptFromRollback = false
    /// The memory that an execution inside a bar changes and that is put
    /// back to the bar's start before the next execution.
    var rollback = ArenaRollback()

    /// True when a new allocation joins `rollback`.
    private var joinsRollback: Bool { tracksRollback && !exemptFromRollback }

    /// Runs `body` and returns, with its result, a snapshot handle for every
    /// cell and state it allocated (none when an enclosing call records:
    /// the outer handles cover them).
    func recordingStates<R>(_ body: () throws -> R) rethrows -> (R, [StateSnapshot]) {
        if recorded != nil { return (try body(), []) }
        recorded = []
        defer { recorded = nil }
        let result = try body()
        return (result, recorded ?? [])
    }

    /// A numeric cell, reset to `initial` (default `na`) for each run.
    func cell(_ initial: Double = .nan) -> UnsafeMutablePointer<Double> {
        let p = UnsafeMutablePointer<Double>.allocate(capacity: 1)
        p.initialize(to: initial)
        resetters.append { p.pointee = initial }
        releasers.append { p.deallocate() }
        recorded?.append(TypedSnapshot(p))
        if joinsRollback { rollback.cells.append(p) }
        return p
    }

    /// `count` contiguous numeric cells, reset to `na` for each run.
    func cells(_ count: Int) -> UnsafeMutablePointer<Double> {
        let p = UnsafeMutablePointer<Double>.allocate(capacity: max(1, count))
        p.initialize(repeating: .nan, count: max(1, count))
        resetters.append { p.update(repeating: .nan, count: max(1, count)) }
        releasers.append { p.deallocate() }
        if joinsRollback { rollback.blocks.append((p, max(1, count))) }
        return p
    }

    /// A history ring keeping at least `capacity` values.
    func ring(capacity: Int) -> UnsafeMutablePointer<HistoryRing> {
        let p = UnsafeMutablePointer<HistoryRing>.allocate(capacity: 1)
        p.initialize(to: HistoryRing(capacity: capacity))
        resetters.append { p.pointee.clear() }
        releasers.append {
            p.pointee.deallocate()
            p.deinitialize(count: 1)
            p.deallocate()
        }
        if joinsRollback { rollback.rings.append(p) }
        return p
    }

    /// Storage for any state value (an indicator's, a string cell, an array
    /// reference), reset to a fresh `make()` for each run.
    func state<T>(_ make: @escaping () -> T) -> UnsafeMutablePointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: 1)
        p.initialize(to: make())
        recorded?.append(TypedSnapshot(p))
        if joinsRollback { rollback.states.append(ArenaRollback.snapshot(of: p)) }
        resetters.append { p.pointee = make() }
        releasers.append {
            p.deinitialize(count: 1)
            p.deallocate()
        }
        return p
    }

    /// Puts every allocation back to its initial value.
    func reset() {
        for r in resetters { r() }
    }

    deinit {
        for r in releasers { r() }
    }
}
