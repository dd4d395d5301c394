/// A small deterministic random source for the fuzz tests: the same seed gives the
/// same scripts on every machine.
public struct SeededRandom: Sendable {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    /// A number in `0..<n`.
    public mutating func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(n))
    }

    /// One of `items`.
    public mutating func pick(_ items: [String]) -> String { items[next(items.count)] }
}
