import Dispatch
import Foundation

/// The period returns of N strategies cut into S contiguous blocks and
/// reduced, once, to per-block sums and sums of squares: every train/test
/// split of the cross-validation is then evaluated from these aggregates
/// alone, without touching the returns again.
///
/// A split and its mirror image (train and test swapped) share their two
/// halves, so they are evaluated together from one pair of Sharpe ratios
/// per strategy: the half holding the first block is summed block by block
/// in block order, the other half is the total minus it. Those halves are
/// found by walking a tree over the blocks in order (take block s into the
/// first half or leave it), so all halves that share their first blocks
/// add them up once.
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
        // Tasks: the choices for the first few blocks (the first block is
        // always in the first half); each walks the rest.
        let depth = min(blocks, 7)
        let prefixes = (0..<(1 << depth)).filter { p in
            let k = p.nonzeroBitCount
            return p & 1 != 0 && k <= half && depth - k <= blocks - half
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
        /// Level k: the sums of the first k blocks taken into the first half.
        var levelSums: [Double]
        var levelSquares: [Double]
        var firstSharpe: [Double]
        var otherSharpe: [Double]

        init(_ data: CrossValidationBlocks, half: Int, binomial: [[Int]], store: OutcomeStore) {
            self.data = data
            self.half = half
            self.binomial = binomial
            self.store = store
            n = data.strategies
            levelSums = [Double](repeating: 0, count: (half + 1) * n)
            levelSquares = [Double](repeating: 0, count: (half + 1) * n)
            firstSharpe = [Double](repeating: 0, count: n)
            otherSharpe = [Double](repeating: 0, count: n)
        }

        mutating func run(prefix: Int, depth: Int) {
            var k = 0
            var periods = 0
            for s in 0..<depth where prefix & (1 << s) != 0 {
                take(block: s, level: k)
                k += 1
                periods += data.counts[s]
            }
            walk(block: depth, taken: k, periods: periods, mask: UInt32(prefix))
        }

        /// Decides blocks from `block` on, `taken` already in the first half.
        mutating func walk(block s: Int, taken k: Int, periods: Int, mask: UInt32) {
            if k == half {
                evaluate(mask: mask, firstPeriods: periods)
                return
            }
            take(block: s, level: k)
            walk(block: s + 1, taken: k + 1, periods: periods + data.counts[s], mask: mask | (1 << UInt32(s)))
            if data.blocks - s - 1 >= half - k {
                walk(block: s + 1, taken: k, periods: periods, mask: mask)
            }
        }

        /// The position of a split among all in increasing mask order:
        /// the sum of C(p_i, i) over its blocks p_1 < p_2 < ... (colex rank).
        func rank(_ mask: UInt32) -> Int {
            var r = 0
            var i = 0
            for s in 0..<data.blocks where mask & (1 << UInt32(s)) != 0 {
                i += 1
                r += binomial[s][i]
            }
            return r
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

        /// The split training on the blocks of `mask` (whose sums are at
        /// level `half`) and its mirror image training on the others.
        mutating func evaluate(mask: UInt32, firstPeriods: Int) {
            let n = self.n
            let base = half * n
            let total = data.counts.reduce(0, +)
            let firstCount = Double(firstPeriods)
            let otherCount = Double(total - firstPeriods)
            let firstVaries = firstPeriods > 1
            let otherVaries = total - firstPeriods > 1
            levelSums.withUnsafeBufferPointer { ls in
                levelSquares.withUnsafeBufferPointer { lq in
                    data.totalSums.withUnsafeBufferPointer { ts in
                        data.totalSquares.withUnsafeBufferPointer { tq in
                            firstSharpe.withUnsafeMutableBufferPointer { tr in
                                otherSharpe.withUnsafeMutableBufferPointer { te in
                                    // Four strategies at a time: the same operations, lane by lane.
                                    let c4 = SIMD4(repeating: firstCount)
                                    let d4 = SIMD4(repeating: otherCount)
                                    var j = 0
                                    while j + 4 <= n {
                                        let a = SIMD4(ls[base + j], ls[base + j + 1], ls[base + j + 2], ls[base + j + 3])
                                        let b = SIMD4(lq[base + j], lq[base + j + 1], lq[base + j + 2], lq[base + j + 3])
                                        let ta = SIMD4(ts[j], ts[j + 1], ts[j + 2], ts[j + 3]) - a
                                        let tb = SIMD4(tq[j], tq[j + 1], tq[j + 2], tq[j + 3]) - b
                                        let x = firstVaries ? CrossValidationBlocks.sharpe(sum: a, squares: b, count: c4) : .zero
                                        let y = otherVaries ? CrossValidationBlocks.sharpe(sum: ta, squares: tb, count: d4) : .zero
                                        for l in 0..<4 {
                                            tr[j + l] = x[l]
                                            te[j + l] = y[l]
                                        }
                                        j += 4
                                    }
                                    while j < n {
                                        let a = ls[base + j]
                                        let b = lq[base + j]
                                        tr[j] = firstVaries ? CrossValidationBlocks.sharpe(sum: a, squares: b, count: firstCount) : 0
                                        te[j] = otherVaries
                                            ? CrossValidationBlocks.sharpe(sum: ts[j] - a, squares: tq[j] - b, count: otherCount) : 0
                                        j += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
            let (split, mirror) = firstSharpe.withUnsafeBufferPointer { tr in
                otherSharpe.withUnsafeBufferPointer { te in
                    (Self.outcome(train: tr, test: te), Self.outcome(train: te, test: tr))
                }
            }
            let all = UInt32((1 << data.blocks) - 1)
            store.set(rank(mask), split)
            store.set(rank(all & ~mask), mirror)
        }

        /// The training winner (the first with the best training Sharpe
        /// ratio), its test rank as a logit, its two Sharpe ratios.
        static func outcome(train tr: UnsafeBufferPointer<Double>, test te: UnsafeBufferPointer<Double>) -> Outcome {
            let n = tr.count
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
