import PineLanguage

/// Maps run indices to parameter vectors without ever holding the whole
/// plan: a lazy mixed-radix walk of the grid, or random draws derived from
/// (seed, run index) alone. Constraints are checked before a run is scheduled.
public struct Planner: Sendable {
    public let space: ParameterSpace
    public let method: SearchSection.Method
    public let seed: UInt64
    /// Random: the number of runs; grid: an optional cap.
    public let trials: Int?
    /// Compiled against `space.variableNames`.
    public let constraints: [MetricExpression]

    /// Builds a planner for a validated config.
    public init(config: SweepConfig, space: ParameterSpace) throws(ConfigError) {
        var compiled: [MetricExpression] = []
        for (i, text) in config.search.constraints.enumerated() {
            do {
                compiled.append(try MetricExpression(text, variables: space.variableNames))
            } catch {
                throw config.document.error(["search", "constraints[\(i)]"], "\"\(text)\": \(error)")
            }
        }
        self.init(space: space, method: config.search.method, seed: config.search.seed,
                  trials: config.search.trials, constraints: compiled)
    }

    public init(space: ParameterSpace, method: SearchSection.Method, seed: UInt64, trials: Int?, constraints: [MetricExpression]) {
        self.space = space
        self.method = method
        self.seed = seed
        self.trials = trials
        self.constraints = constraints
    }

    /// The number of candidates the planner will look at: the grid size
    /// (capped by trials) or the trials of a random search.
    public var plannedCount: Int {
        switch method {
        case .grid: return min(space.gridSize ?? Int.max, trials ?? Int.max)
        case .random: return trials ?? 0
        }
    }

    /// The parameter vector (one value per dimension) of candidate `index`.
    public func candidate(_ index: Int) -> [InputValue] {
        switch method {
        case .grid:
            var rest = index
            var out = [InputValue](repeating: .int(0), count: space.dimensions.count)
            // The last dimension varies fastest.
            for d in stride(from: space.dimensions.count - 1, through: 0, by: -1) {
                let dim = space.dimensions[d]
                let n = max(1, dim.count ?? 1)
                out[d] = dim.value(at: rest % n)
                rest /= n
            }
            return out
        case .random:
            let base = Self.mix(seed &+ 0x9E37_79B9_7F4A_7C15 &* (UInt64(bitPattern: Int64(index)) &+ 1))
            return space.dimensions.enumerated().map { d, dim in
                let h = Self.mix(base ^ (0xD1B5_4A32_D192_ED03 &* UInt64(d + 1)))
                return dim.sample(Double(h >> 11) * 0x1.0p-53)
            }
        }
    }

    /// True when `values` satisfy every constraint.
    public func satisfiesConstraints(_ values: [InputValue]) -> Bool {
        if constraints.isEmpty { return true }
        let all = space.allInputValues(values)
        let lookup: (Int) -> ExpressionValue = { i in
            guard i < all.count else { return .number(.nan) }
            switch all[i] {
            case .string(let s): return .text(s)
            case let v: return .number(v.numericValue ?? .nan)
            }
        }
        return constraints.allSatisfy { $0.isTrue(lookup) }
    }

    /// A fresh walk of the plan.
    public func makeIterator() -> Iterator { Iterator(planner: self) }

    /// Walks the plan in run-index order, skipping constrained (and, for a
    /// random search, duplicate) candidates. Holds O(1) state for a grid and
    /// the set of drawn vectors for a random search.
    public struct Iterator: IteratorProtocol, Sendable {
        let planner: Planner
        private var nextIndex = 0
        private var scheduled = 0
        /// Candidates skipped by constraints.
        public private(set) var skippedByConstraints = 0
        /// Random draws skipped as duplicates.
        public private(set) var skippedDuplicates = 0
        /// Candidates looked at so far.
        public var examined: Int { nextIndex }
        private var seen: Set<[InputValue]> = []
        private let limit: Int
        private let finiteSize: Int?

        init(planner: Planner) {
            self.planner = planner
            switch planner.method {
            case .grid:
                limit = planner.space.gridSize ?? 0
                finiteSize = planner.space.gridSize
            case .random:
                let t = planner.trials ?? 0
                // Draw at most this many candidates (a small space runs dry).
                limit = t > Int.max / 64 ? Int.max : t * 50 + 1000
                finiteSize = planner.space.gridSize
            }
        }

        /// The next scheduled run: its index and parameter vector.
        public mutating func next() -> (index: Int, values: [InputValue])? {
            let cap = planner.method == .random ? (planner.trials ?? 0) : (planner.trials ?? Int.max)
            while scheduled < cap && nextIndex < limit {
                if planner.method == .random, let size = finiteSize, seen.count >= size { return nil }
                let index = nextIndex
                nextIndex += 1
                let values = planner.candidate(index)
                if planner.method == .random {
                    if seen.contains(values) {
                        skippedDuplicates += 1
                        continue
                    }
                    seen.insert(values)
                }
                if !planner.satisfiesConstraints(values) {
                    skippedByConstraints += 1
                    continue
                }
                scheduled += 1
                return (index, values)
            }
            return nil
        }
    }

    /// SplitMix64's finalizer: a fast, well-mixed 64-bit hash.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
