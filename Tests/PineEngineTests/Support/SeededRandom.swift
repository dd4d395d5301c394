/// A small deterministic random source for the fuzz tests: the same seed gives the
/// same scripts on every machine.
struct SeededRandom {
    var state: UInt64

    /// A number in `0..<n`.
    mutating func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(n))
    }

    /// One of `items`.
    mutating func pick(_ items: [String]) -> String { items[next(items.count)] }
}
