/// The memory of an engine instance that one execution of the script
/// changes, copied as the bar's last committed state and put back after
/// each execution that does not commit (the executions after order fills
/// inside a bar, see `FillRecalculation`).
///
/// It holds every cell, cell block, history ring and state the arena
/// allocated while `Arena.tracksRollback` was set, except the storage of
/// `varip` variables (`Arena.exemptFromRollback`), which keeps its value
/// across the executions of a bar. An array held by a state is a
/// reference: its elements are copied too, so pushes and sets made by an
/// execution are undone. Other objects (maps, matrices, user-defined
/// types) are not copied: the compiler refuses `var` declarations of them
/// when the script recalculates on fills.
struct ArenaRollback {
    var cells: [UnsafeMutablePointer<Double>] = []
    var blocks: [(UnsafeMutablePointer<Double>, Int)] = []
    var rings: [UnsafeMutablePointer<HistoryRing>] = []
    var states: [StateSnapshot] = []
    private var savedCells: [Double] = []
    private var savedBlocks: [Double] = []
    private var savedRings: [HistoryRing.Saved] = []

    /// The snapshot of one state: an array's elements are copied with it.
    static func snapshot<T>(of pointer: UnsafeMutablePointer<T>) -> StateSnapshot {
        if T.self == PineArray?.self {
            return ArraySnapshot(UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: PineArray?.self))
        }
        return TypedSnapshot(pointer)
    }

    /// Copies the current state (the bar's committed one).
    mutating func save() {
        savedCells.removeAll(keepingCapacity: true)
        for p in cells { savedCells.append(p.pointee) }
        savedBlocks.removeAll(keepingCapacity: true)
        for (p, n) in blocks { savedBlocks.append(contentsOf: UnsafeBufferPointer(start: p, count: n)) }
        if savedRings.count != rings.count { savedRings = Array(repeating: HistoryRing.Saved(), count: rings.count) }
        for k in rings.indices { rings[k].pointee.save(into: &savedRings[k]) }
        for s in states { s.save() }
    }

    /// Puts back what `save()` copied.
    func restore() {
        for k in cells.indices { cells[k].pointee = savedCells[k] }
        var offset = 0
        for (p, n) in blocks {
            for j in 0..<n { p[j] = savedBlocks[offset + j] }
            offset += n
        }
        for k in rings.indices { rings[k].pointee.restore(from: savedRings[k]) }
        for s in states { s.restore() }
    }
}
