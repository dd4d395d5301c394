import Foundation
import PineLanguage
import Testing

@testable import PFOptimizer

@Suite struct PlannerTests {
    func planner(_ text: String) throws -> (Planner, TempDirectory) {
        let tmp = TempDirectory()
        let config = try SweepConfig.load(path: tmp.config(text))
        let space = try ParameterSpace(config: config, inputs: FakeEvaluator().inputs)
        return (try Planner(config: config, space: space), tmp)
    }

    @Test func gridEnumeratesMixedRadixLastFastest() throws {
        let (p, tmp) = try planner(Configs.grid(constraints: "[]"))
        defer { tmp.cleanup() }
        #expect(p.space.gridSize == 10 * 6 * 3)
        #expect(p.plannedCount == 180)
        #expect(p.candidate(0) == [.int(5), .int(10), .float(1.5)])
        #expect(p.candidate(1) == [.int(5), .int(10), .float(2.0)])
        #expect(p.candidate(3) == [.int(5), .int(20), .float(1.5)])
        #expect(p.candidate(18) == [.int(10), .int(10), .float(1.5)])
        #expect(p.candidate(179) == [.int(50), .int(60), .float(2.5)])
        var it = p.makeIterator()
        var seen = Set<[InputValue]>()
        var indices: [Int] = []
        while let (i, v) = it.next() {
            indices.append(i)
            seen.insert(v)
        }
        #expect(indices == Array(0..<180))
        #expect(seen.count == 180)
    }

    @Test func constraintsSkipAndCount() throws {
        let (p, tmp) = try planner(Configs.grid(constraints: "[\"fast < slow\", \"mult != 2.5\"]"))
        defer { tmp.cleanup() }
        var it = p.makeIterator()
        var count = 0
        while let (_, v) = it.next() {
            count += 1
            #expect((v[0].numericValue ?? 0) < (v[1].numericValue ?? 0))
            #expect(v[2] != .float(2.5))
        }
        // Pairs (fast, slow) with fast < slow: for slow = 10..60 step 10, fast in 5..50 step 5 below it.
        var pairs = 0
        for slow in stride(from: 10, through: 60, by: 10) {
            for fast in stride(from: 5, through: 50, by: 5) where fast < slow { pairs += 1 }
        }
        #expect(count == pairs * 2)
        #expect(it.skippedByConstraints == 180 - pairs * 2)
        #expect(it.examined == 180)
    }

    @Test func trialsCapTheGrid() throws {
        let (p, tmp) = try planner(Configs.grid(constraints: "[]", extra: "trials = 7"))
        defer { tmp.cleanup() }
        var it = p.makeIterator()
        var n = 0
        while it.next() != nil { n += 1 }
        #expect(n == 7)
        #expect(p.plannedCount == 7)
    }

    @Test func hugeGridStartsAtOnce() throws {
        let text = Configs.grid(constraints: "[]").replacingOccurrences(
            of: "mult = { values = [1.5, 2.0, 2.5] }", with: "mult = { from = 0.1, to = 10.0, step = 0.00001 }")
            .replacingOccurrences(of: "fast = { from = 5, to = 50, step = 5 }", with: "fast = { from = 1, to = 500 }")
        let (p, tmp) = try planner(text)
        defer { tmp.cleanup() }
        let size = p.space.gridSize ?? 0
        #expect(size == 500 * 6 * 990_001)
        let start = Date()
        var it = p.makeIterator()
        #expect(it.next()?.values == [.int(1), .int(10), .float(0.1)])
        #expect(p.candidate(size - 1) == [.int(500), .int(60), .float(10.0)])
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test func randomDependsOnlyOnSeedAndIndex() throws {
        let (p, tmp) = try planner(Configs.random(trials: 200))
        defer { tmp.cleanup() }
        let (q, tmp2) = try planner(Configs.random(trials: 50))
        defer { tmp2.cleanup() }
        for i in [0, 1, 7, 49, 123] {
            #expect(p.candidate(i) == q.candidate(i))
        }
        let (other, tmp3) = try planner(Configs.random(trials: 200, seed: 43))
        defer { tmp3.cleanup() }
        #expect(other.candidate(0) != p.candidate(0) || other.candidate(1) != p.candidate(1))
        var it = p.makeIterator()
        var all: [[InputValue]] = []
        var logLow = 0
        while let (_, v) = it.next() {
            all.append(v)
            let fast = v[0].numericValue ?? 0
            let mult = v[1].numericValue ?? 0
            #expect(fast >= 2 && fast <= 400)
            #expect(mult >= 0.5 && mult <= 5.0)
            if fast < 28 { logLow += 1 }  // sqrt(2*400) ~ 28: the log-uniform median
        }
        #expect(all.count == 200)
        #expect(Set(all).count == 200)
        // Log-uniform: about half the draws below the geometric mean (uniform would give ~6%).
        #expect(logLow > 70 && logLow < 130)
    }

    @Test func randomSkipsDuplicatesInSmallSpace() throws {
        let text = """
            [strategy]
            script = "strat.pine"
            [data]
            file = "bars.csv"
            [search]
            method = "random"
            trials = 50
            [params]
            fast = { from = 1, to = 3 }
            mode = { values = ["A", "B"] }
            """
        let (p, tmp) = try planner(text)
        defer { tmp.cleanup() }
        var it = p.makeIterator()
        var all: [[InputValue]] = []
        while let (_, v) = it.next() { all.append(v) }
        #expect(all.count == 6)
        #expect(Set(all).count == 6)
        #expect(it.skippedDuplicates > 0)
    }
}
