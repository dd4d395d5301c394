import Foundation
import Testing

@testable import PFOptimizer

/// The fast paths behind the statistics (split tree of the cross-validation,
/// period returns by search, the column reader of the winner's files) against
/// direct computations of the same definitions.
@Suite struct StatisticsKernelTests {
    /// Every split computed from scratch: the training winner (first of the
    /// best), its test rank with ties counted half, both Sharpe ratios.
    static func directSplits(_ rows: [[Float]], blocks s: Int) -> [(logit: Double, train: Double, test: Double)] {
        let t = rows[0].count
        let bounds = (0...s).map { $0 * t / s }
        func sharpe(_ v: [Double]) -> Double {
            let n = Double(v.count)
            let mean = v.reduce(0, +) / n
            let variance = v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)
            return variance > 1e-30 ? mean / variance.squareRoot() : 0
        }
        var out: [(Double, Double, Double)] = []
        for mask in 0..<(1 << s) where mask.nonzeroBitCount == s / 2 {
            var train: [Double] = []
            var test: [Double] = []
            for row in rows {
                var a: [Double] = []
                var b: [Double] = []
                for k in 0..<s {
                    for i in bounds[k]..<bounds[k + 1] {
                        if mask & (1 << k) != 0 { a.append(Double(row[i])) } else { b.append(Double(row[i])) }
                    }
                }
                train.append(sharpe(a))
                test.append(sharpe(b))
            }
            var best = 0
            for j in train.indices where train[j] > train[best] + 1e-12 { best = j }
            let x = test[best]
            let below = test.indices.filter { $0 != best && test[$0] < x - 1e-12 }.count
            let equal = test.indices.filter { $0 != best && abs(test[$0] - x) <= 1e-12 }.count
            let w = (Double(below) + 1 + Double(equal) / 2) / Double(rows.count + 1)
            out.append((log(w / (1 - w)), train[best], x))
        }
        return out
    }

    @Test func everySplitOfTwelveBlocksMatchesADirectComputationWithTies() throws {
        var g = GaussianSource(seed: 3)
        var rows = (0..<7).map { j in (0..<72).map { _ in Float(g.next(mean: 0.0003 * Double(j % 3), sd: 0.01)) } }
        // Two copies of one strategy and a flat one: ties in and out of sample.
        rows.append(rows[2])
        rows.append([Float](repeating: 0, count: 72))
        let fast = try OverfittingProbability(rows: rows, splits: 12)
        let direct = Self.directSplits(rows, blocks: 12)
        #expect(fast.combinations == 924)
        #expect(fast.logits.count == direct.count)
        for (k, d) in direct.enumerated() {
            #expect(abs(fast.logits[k] - d.logit) < 1e-9, "split \(k)")
            #expect(abs(fast.inSampleSharpe[k] - d.train) < 1e-9, "split \(k)")
            #expect(abs(fast.outOfSampleSharpe[k] - d.test) < 1e-9, "split \(k)")
        }
        #expect(fast.value == Double(direct.filter { $0.logit <= 0 }.count) / 924)
    }

    @Test func splitsOfFewBlocksAreAllVisited() throws {
        // Four blocks: fewer than the tree's task depth.
        var g = GaussianSource(seed: 5)
        let rows = (0..<4).map { _ in (0..<16).map { _ in Float(g.next(sd: 0.01)) } }
        let fast = try OverfittingProbability(rows: rows, splits: 4)
        let direct = Self.directSplits(rows, blocks: 4)
        #expect(fast.combinations == 6)
        for (a, b) in zip(fast.logits, direct) { #expect(abs(a - b.logit) < 1e-9) }
    }

    /// Daily returns by grouping bars per UTC day, the direct way.
    static func directDailyReturns(time: [Int64], equity: [Double], initial: Double, from: Int64?, to: Int64?) -> [Float] {
        let day = PeriodReturns.day
        var base = initial
        var closes: [(day: Int64, equity: Double)] = []
        for (t, e) in zip(time, equity) {
            if let from, t < from {
                base = e
                continue
            }
            if let to, t >= to { continue }
            let d = Int64((Double(t) / Double(day)).rounded(.down))
            if let last = closes.last, last.day == d { closes[closes.count - 1].equity = e } else { closes.append((d, e)) }
        }
        var out: [Float] = []
        for c in closes {
            out.append(Float(c.equity / base - 1))
            base = c.equity
        }
        return out
    }

    @Test func periodReturnsOfAnIrregularFeedMatchADirectGrouping() {
        var g = SeededGenerator(seed: 9)
        let h: Int64 = 3_600_000
        var time: [Int64] = []
        var equity: [Double] = []
        var t: Int64 = -3 * 24 * h + 5 * h  // before the epoch: days are floored
        var e = 1000.0
        for _ in 0..<3000 {
            time.append(t)
            equity.append(e)
            // Mostly 15-minute bars, sometimes gaps of hours or days.
            let r = g.below(100)
            t += r < 90 ? h / 4 : r < 98 ? Int64(g.below(12) + 1) * h : Int64(g.below(4) + 1) * 24 * h
            e *= 1 + (Double(g.below(2001)) - 1000) / 100_000
        }
        let windows: [(Int64?, Int64?)] = [
            (nil, nil), (time[700], nil), (nil, time[2500] + 1), (time[10] + 7, time[2999]), (time[2999] + 1, nil),
            (time[500], time[400]),
        ]
        for (from, to) in windows {
            let fast = PeriodReturns.compute(time: time, equity: equity, initialEquity: 1000, from: from, to: to)
            let direct = Self.directDailyReturns(time: time, equity: equity, initial: 1000, from: from, to: to)
            #expect(fast.count == direct.count)
            for (a, b) in zip(fast, direct) { #expect(abs(a - b) <= 1e-6 * max(1, abs(b))) }
        }
    }

    @Test func periodReturnsOfBarsOutOfOrderAreStillPerPeriod() {
        let day = PeriodReturns.day
        // Day 1's bars come before day 0's: each change of day closes a period.
        let r = PeriodReturns.compute(time: [day, day + 5, 0, 5], equity: [110, 121, 100, 90], initialEquity: 100)
        #expect(r.count == 2)
        #expect(abs(Double(r[0]) - 0.21) < 1e-6)
        #expect(abs(Double(r[1]) - (90.0 / 121 - 1)) < 1e-6)
    }

    @Test func csvColumnsReadQuotedCellsAndSkipIncompleteRows() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pfopt-csvcolumns-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("t.csv").path
        let text = "id,comment,pnl\r\n1,\"a, \"\"quoted\"\"\nline\",2.5\r\n\n2,plain,-1\n3\n4,,\n5,\"x\",7"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let table = try #require(CSVColumns(path: path, columns: ["pnl", "comment"]))
        #expect(table.header == ["id", "comment", "pnl"])
        #expect(table.rows == [["2.5", "a, \"quoted\"\nline"], ["-1", "plain"], ["", ""], ["7", "x"]])
        #expect(CSVColumns(path: path, columns: ["missing"]) == nil)
        #expect(CSVColumns(path: dir.appendingPathComponent("none.csv").path, columns: ["id"]) == nil)
    }
}
