import Dispatch
import Foundation

/// The period returns of N strategies cut into S contiguous blocks and
/// reduced, once, to per-block sums and sums of squares: every train/test
/// split of the cross-validation is then evaluated from these aggregates
/// alone, without touching the returns again.
///
/// The splits are walked as a tree over the blocks in order (take block s
/// into the training set or leave it), so the training sums of all splits
/// that share their first blocks are added up once. Each split's sums are
/// still the blocks' sums added in block order starting from zero, the
/// same numbers block-by-block addition gives.
struct CrossValidationBlocks: Sendable {
    /// The number of strategies.
    let strategies: Int
    /// S, the number of blocks.
    let blocks: Int
    /// Block-major: `sums[s * strategies + j]` is strategy j's sum over block s.
    private let sums: [Double]
    private let squares: [Double]
    /// Periods per block.
    private let counts: [Int]
    /// Per strategy: the sums over all blocks.
    private let totalSums: [Double]
    private let totalSquares: [Double]

    /// Cuts `rows` (all the same length, at least `blocks` periods) into `blocks` blocks.
    init(rows: [[Float]], blocks: Int) {
        let n = rows.count
        let t = rows.first?.count ?? 0
        strategies = n
        self.blocks = blocks
        let bounds = (0...blocks).map { $0 * t / blocks }
        counts = (0..<blocks).map { bounds[$0 + 1] - bounds[$0] }
        var sums = [Double](repeating: 0, count: blocks * n)
        var squares = [Double](repeating: 0, count: blocks * n)
        for (j, row) in rows.enumerated() {
            row.withUnsafeBufferPointer { r in
                for s in 0..<blocks {
                    var a = 0.0
                    var b = 0.0
                    for i in bounds[s]..<bounds[s + 1] {
                        let v = Double(r[i])
                        a += v
                        b += v * v
                    }
                    sums[s * n + j] = a
                    squares[s * n + j] = b
                }
            }
        }
        var totalSums = [Double](repeating: 0, count: n)
        var totalSquares = [Double](repeating: 0, count: n)
        for s in 0..<blocks {
            for j in 0..<n {
                totalSums[j] += sums[s * n + j]
                totalSquares[j] += squares[s * n + j]
            }
        }
        self.sums = sums
        self.squares = squares
        self.totalSums = totalSums
        self.totalSquares = totalSquares
    }

    /// One split's outcome: the training winner's logit of its test rank
    /// and its Sharpe ratios in and out of sample.
    struct Outcome: Sendable {
        var logit: Double
        var inSample: Double
        var outOfSample: Double
    }

    /// Every split that trains on half the blocks, in the order of its
    /// block mask read as a binary number (bit s: block s trains).
    func outcomes() -> [Outcome] {
        let half = blocks / 2
        let binomial = Self.binomials(upTo: blocks)
        let combinations = binomial[blocks][half]
        let store = OutcomeStore(count: combinations)
        // Tasks: the choices for the first few blocks; each walks the rest.
        let depth = min(blocks, 6)
        let prefixes = (0..<(1 << depth)).filter { p in
            let k = p.nonzeroBitCount
            return k <= half && depth - k <= blocks - half
        }
        DispatchQueue.concurrentPerform(iterations: prefixes.count) { task in
            var walker = Walker(self, half: half, binomial: binomial, store: store)
            walker.run(prefix: prefixes[task], depth: depth)
        }
        return store.values
    }

    /// C(n, k) for n, k up to `limit`.
    static func binomials(upTo limit: Int) -> [[Int]] {
        var c = [[Int]](repeating: [Int](repeating: 0, count: limit + 1), count: limit + 1)
        for n in 0...limit {
            c[n][0] = 1
            if n > 0 { for k in 1...n { c[n][k] = c[n - 1][k - 1] + c[n - 1][k] } }
        }
        return c
    }

    /// Mean over standard deviation (n - 1) of a block set; 0 without variance.
    @inline(__always) static func sharpe(sum: Double, squares: Double, count: Double) -> Double {
        let mean = sum / count
        let variance = (squares - sum * mean) / (count - 1)
        return variance > 1e-30 ? mean / variance.squareRoot() : 0
    }

    /// The same for four block sets at once.
    @inline(__always) static func sharpe(sum: SIMD4<Double>, squares: SIMD4<Double>, count: SIMD4<Double>)
        -> SIMD4<Double>
    {
        let mean = sum / count
        let variance = (squares - sum * mean) / (count - 1)
        return (mean / variance.squareRoot()).replacing(with: 0, where: .!(variance .> 1e-30))
    }

    /// One task's walk through the split tree, with its own buffers.
    private struct Walker {
        let data: CrossValidationBlocks
        let half: Int
        let binomial: [[Int]]
        let store: OutcomeStore
        let n: Int
        /// Level k: the sums of the first k blocks taken into training.
        var levelSums: [Double]
        var levelSquares: [Double]
        var trainSharpe: [Double]
        var testSharpe: [Double]

        init(_ data: CrossValidationBlocks, half: Int, binomial: [[Int]], store: OutcomeStore) {
            self.data = data
            self.half = half
            self.binomial = binomial
            self.store = store
            n = data.strategies
            levelSums = [Double](repeating: 0, count: (half + 1) * n)
            levelSquares = [Double](repeating: 0, count: (half + 1) * n)
            trainSharpe = [Double](repeating: 0, count: n)
            testSharpe = [Double](repeating: 0, count: n)
        }

        mutating func run(prefix: Int, depth: Int) {
            var k = 0
            var periods = 0
            var rank = 0
            for s in 0..<depth where prefix & (1 << s) != 0 {
                take(block: s, level: k)
                k += 1
                periods += data.counts[s]
                rank += binomial[s][k]
            }
            walk(block: depth, taken: k, periods: periods, rank: rank)
        }

        /// Decides blocks from `block` on, `taken` already in training.
        mutating func walk(block s: Int, taken k: Int, periods: Int, rank: Int) {
            if k == half {
                evaluate(rank: rank, trainPeriods: periods)
                return
            }
            take(block: s, level: k)
            walk(block: s + 1, taken: k + 1, periods: periods + data.counts[s], rank: rank + binomial[s][k + 1])
            if data.blocks - s - 1 >= half - k {
                walk(block: s + 1, taken: k, periods: periods, rank: rank)
            }
        }

        /// Level k + 1 = level k plus block s.
        mutating func take(block s: Int, level k: Int) {
            let n = self.n
            data.sums.withUnsafeBufferPointer { bs in
                data.squares.withUnsafeBufferPointer { bq in
                    levelSums.withUnsafeMutableBufferPointer { ls in
                        levelSquares.withUnsafeMutableBufferPointer { lq in
                            for j in 0..<n {
                                ls[(k + 1) * n + j] = ls[k * n + j] + bs[s * n + j]
                                lq[(k + 1) * n + j] = lq[k * n + j] + bq[s * n + j]
                            }
                        }
                    }
                }
            }
        }

        /// The split whose training sums are at level `half`.
        mutating func evaluate(rank: Int, trainPeriods: Int) {
            let n = self.n
            let base = half * n
            let total = data.counts.reduce(0, +)
            let trainCount = Double(trainPeriods)
            let testCount = Double(total - trainPeriods)
            let trainVaries = trainPeriods > 1
            let testVaries = total - trainPeriods > 1
            levelSums.withUnsafeBufferPointer { ls in
                levelSquares.withUnsafeBufferPointer { lq in
                    data.totalSums.withUnsafeBufferPointer { ts in
                        data.totalSquares.withUnsafeBufferPointer { tq in
                            trainSharpe.withUnsafeMutableBufferPointer { tr in
                                testSharpe.withUnsafeMutableBufferPointer { te in
                                    // Four strategies at a time: the same operations, lane by lane.
                                    let c4 = SIMD4(repeating: trainCount)
                                    let d4 = SIMD4(repeating: testCount)
                                    var j = 0
                                    while j + 4 <= n {
                                        let a = SIMD4(ls[base + j], ls[base + j + 1], ls[base + j + 2], ls[base + j + 3])
                                        let b = SIMD4(lq[base + j], lq[base + j + 1], lq[base + j + 2], lq[base + j + 3])
                                        let ta = SIMD4(ts[j], ts[j + 1], ts[j + 2], ts[j + 3]) - a
                                        let tb = SIMD4(tq[j], tq[j + 1], tq[j + 2], tq[j + 3]) - b
                                        let x = trainVaries ? CrossValidationBlocks.sharpe(sum: a, squares: b, count: c4) : .zero
                                        let y = testVaries ? CrossValidationBlocks.sharpe(sum: ta, squares: tb, count: d4) : .zero
                                        for l in 0..<4 {
                                            tr[j + l] = x[l]
                                            te[j + l] = y[l]
                                        }
                                        j += 4
                                    }
                                    while j < n {
                                        let a = ls[base + j]
                                        let b = lq[base + j]
                                        tr[j] = trainVaries ? CrossValidationBlocks.sharpe(sum: a, squares: b, count: trainCount) : 0
                                        te[j] = testVaries
                                            ? CrossValidationBlocks.sharpe(sum: ts[j] - a, squares: tq[j] - b, count: testCount) : 0
                                        j += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
            let outcome = trainSharpe.withUnsafeBufferPointer { tr in
                testSharpe.withUnsafeBufferPointer { te in
                    // The first strategy with the best training Sharpe ratio.
                    var best = 0
                    var bestSharpe = -Double.infinity
                    for j in 0..<n where tr[j] > bestSharpe {
                        bestSharpe = tr[j]
                        best = j
                    }
                    // Its rank out of sample, ties counting half.
                    let x = te[best]
                    let x4 = SIMD4(repeating: x)
                    var below4 = SIMD4<Int64>.zero
                    var equal4 = SIMD4<Int64>.zero
                    var j = 0
                    while j + 4 <= n {
                        let v = SIMD4(te[j], te[j + 1], te[j + 2], te[j + 3])
                        below4 &+= SIMD4<Int64>.one.replacing(with: 0, where: .!(v .< x4))
                        equal4 &+= SIMD4<Int64>.one.replacing(with: 0, where: .!(v .== x4))
                        j += 4
                    }
                    var below = Int(below4.wrappedSum())
                    var equal = Int(equal4.wrappedSum())
                    while j < n {
                        below += te[j] < x ? 1 : 0
                        equal += te[j] == x ? 1 : 0
                        j += 1
                    }
                    if x == x { equal -= 1 }
                    let r = Double(below) + 1 + Double(equal) / 2
                    let w = r / Double(n + 1)
                    return Outcome(logit: log(w / (1 - w)), inSample: bestSharpe, outOfSample: x)
                }
            }
            store.set(rank, outcome)
        }
    }
}

/// Per-split outcomes written from several threads, each to its own slot.
private final class OutcomeStore: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<CrossValidationBlocks.Outcome>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: CrossValidationBlocks.Outcome(logit: 0, inSample: 0, outOfSample: 0))
    }

    deinit {
        slots.deallocate()
    }

    /// Each slot is written by exactly one task, and read only after all finished.
    func set(_ i: Int, _ value: CrossValidationBlocks.Outcome) {
        slots[i] = value
    }

    var values: [CrossValidationBlocks.Outcome] { Array(slots) }
}
