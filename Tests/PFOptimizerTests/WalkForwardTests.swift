import Foundation
import PFData
import PineLanguage
import Testing

@testable import PFOptimizer

@Suite struct WalkForwardTests {
    let bars = FakeEvaluator.hourlyBars(days: 400)  // 2024-01-01 .. 2025-02-04 (exclusive)

    func ms(_ y: Int64, _ m: Int64, _ d: Int64, _ h: Int64 = 0) -> Int64 {
        UTCCalendar.milliseconds(year: y, month: m, day: d, hour: h)
    }

    func section(_ mode: WalkForwardSection.Mode, _ ins: String, _ oos: String, step: String? = nil,
                 gap: String = "0d", warmup: String = "0d") -> WalkForwardSection {
        WalkForwardSection(
            mode: mode, inSample: WindowLength(parsing: ins) ?? .days(1), outOfSample: WindowLength(parsing: oos) ?? .days(1),
            step: step.flatMap(WindowLength.init(parsing:)), gap: WindowLength(parsing: gap) ?? .days(0),
            warmup: WindowLength(parsing: warmup) ?? .days(0))
    }

    @Test func parsesLengths() {
        #expect(WindowLength(parsing: "120d") == .days(120))
        #expect(WindowLength(parsing: "4w") == .weeks(4))
        #expect(WindowLength(parsing: "6M") == .months(6))
        #expect(WindowLength(parsing: "1y") == .years(1))
        #expect(WindowLength(parsing: "5000 bars") == .bars(5000))
        #expect(WindowLength(parsing: "12h") == .hours(12))
        #expect(WindowLength(parsing: "6m") == nil)
        #expect(WindowLength(parsing: "d") == nil)
        #expect(WindowLength(parsing: "-3d") == nil)
    }

    @Test func rollingFoldsWithGapAndWarmup() throws {
        let folds = try FoldSplitter.folds(
            section(.rolling, "30d", "10d", gap: "1d", warmup: "5d"), barTimes: bars)
        #expect(folds[0] == Fold(number: 1, inSampleStart: ms(2024, 1, 6), inSampleEnd: ms(2024, 2, 5),
                                 outOfSampleStart: ms(2024, 2, 6), outOfSampleEnd: ms(2024, 2, 16)))
        #expect(folds[1] == Fold(number: 2, inSampleStart: ms(2024, 1, 16), inSampleEnd: ms(2024, 2, 15),
                                 outOfSampleStart: ms(2024, 2, 16), outOfSampleEnd: ms(2024, 2, 26)))
        // The last out-of-sample window must end by 2025-02-04: 5 + 30 + 1 + 10 + 10k <= 400.
        #expect(folds.count == 36)
        #expect(folds.last.map { $0.outOfSampleEnd <= ms(2025, 2, 4) } == true)
        // Out-of-sample windows tile the time line.
        for k in folds.indices.dropFirst() { #expect(folds[k].outOfSampleStart == folds[k - 1].outOfSampleEnd) }
    }

    @Test func anchoredFoldsGrowFromTheStart() throws {
        let folds = try FoldSplitter.folds(
            section(.anchored, "2M", "1M", warmup: "30d"), barTimes: bars, from: ms(2024, 3, 1), to: ms(2024, 12, 1))
        #expect(folds.map(\.inSampleStart).allSatisfy { $0 == ms(2024, 3, 1) })
        #expect(folds.map(\.inSampleEnd) == [ms(2024, 5, 1), ms(2024, 6, 1), ms(2024, 7, 1), ms(2024, 8, 1),
                                            ms(2024, 9, 1), ms(2024, 10, 1), ms(2024, 11, 1)])
        #expect(folds.map(\.outOfSampleEnd).last == ms(2024, 12, 1))
        // Warm-up later than `from` moves the start.
        let warm = try FoldSplitter.folds(section(.anchored, "2M", "1M", warmup: "90d"), barTimes: bars, from: ms(2024, 1, 1))
        #expect(warm[0].inSampleStart == ms(2024, 3, 31))
        #expect(warm[0].inSampleEnd == ms(2024, 5, 31))
        #expect(warm[0].outOfSampleEnd == ms(2024, 6, 30))  // May 31 + 1 month, clamped
    }

    @Test func barLengthsCountBars() throws {
        let folds = try FoldSplitter.folds(section(.rolling, "48 bars", "24 bars", warmup: "10 bars"), barTimes: bars)
        #expect(folds[0].inSampleStart == ms(2024, 1, 1, 10))
        #expect(folds[0].inSampleEnd == ms(2024, 1, 3, 10))
        #expect(folds[0].outOfSampleEnd == ms(2024, 1, 4, 10))
        #expect(folds[1].inSampleStart == ms(2024, 1, 2, 10))
    }

    @Test func windowsThatDoNotFitAreRejected() {
        #expect(throws: SweepError.self) {
            try FoldSplitter.folds(section(.rolling, "1y", "3M", warmup: "30d"), barTimes: bars)
        }
        do {
            _ = try FoldSplitter.folds(section(.rolling, "300d", "90d", warmup: "30d"), barTimes: bars)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("walk-forward windows do not fit the data"))
            #expect(error.description.contains("in_sample 300d"))
        }
    }

    static func config(filters: String = "[]", mode: String = "rolling") -> String {
        """
        [strategy]
        script = "strat.pine"
        [data]
        file = "bars.csv"
        from = "2024-01-01"
        to = "2024-06-01"
        [search]
        constraints = ["fast < slow"]
        [params]
        fast = { from = 5, to = 25, step = 5 }
        slow = { from = 10, to = 30, step = 10 }
        mult = { values = [1.5, 2.5] }
        [objective]
        rank_by = "net_profit"
        filters = \(filters)
        [output]
        dir = "wf"
        top = 3
        [walkforward]
        mode = "\(mode)"
        in_sample = "30d"
        out_of_sample = "20d"
        step = "20d"
        warmup = "10d"
        """
    }

    @Test func walkForwardWritesFoldsAndContinuousStitchedCurve() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        let config = try SweepConfig.load(path: tmp.config(Self.config()))
        let evaluator = FakeEvaluator()
        let wf = try WalkForward(config: config, evaluator: evaluator)
        // 2024-01-11 + 30d + 20d*k + 20d <= 2024-06-01 (142 days after 01-11): k <= 4.6
        #expect(wf.folds.count == 5)
        let summary = try wf.run(SweepOptions(jobs: 2))
        #expect(summary.folds.allSatisfy { $0.status == "ok" })
        // Best in-sample: fast 25, slow 30, mult 2.5 (net_profit = 250 - 30 + 2.5 + 5 + 30).
        #expect(summary.folds.allSatisfy { $0.best?.record.values == [.int(25), .int(30), .float(2.5)] })
        let foldsCSV = tmp.read("wf/folds.csv").split(separator: "\n")
        #expect(foldsCSV.count == 6)
        #expect(foldsCSV[1].hasPrefix("1,2024-01-11T00:00:00Z,2024-02-10T00:00:00Z,2024-02-10T00:00:00Z,2024-03-01T00:00:00Z,ok,25,30,2.5,"))

        let equity = tmp.read("wf/oos_equity.csv").split(separator: "\n").dropFirst().map { line -> (Int64, Double, Int) in
            let c = line.split(separator: ",")
            return (Int64(c[4]) ?? 0, Double(c[1]) ?? .nan, Int(c[3]) ?? 0)
        }
        // One point per out-of-sample bar: 5 folds x 20 days x 24 hours, in time order.
        #expect(equity.count == 5 * 20 * 24)
        #expect(zip(equity, equity.dropFirst()).allSatisfy { $0.0 < $1.0 })
        let trades = tmp.read("wf/oos_trades.csv").split(separator: "\n")
        #expect(trades[0] == "fold,trade,direction,entry_time,entry_price,exit_time,exit_price,qty,pnl,pnl_pct")
        let pnl = trades.dropFirst().map { Double($0.split(separator: ",")[8]) ?? .nan }
        #expect(pnl.count == 5)  // the fake trades 10 days into each 20-day window
        // Continuity: the curve moves only by trade P&L, never at a fold boundary.
        let first = equity.first?.1 ?? .nan
        let last = equity.last?.1 ?? .nan
        #expect(abs((last - first) - pnl.reduce(0, +)) < 1e-9)
        for k in equity.indices.dropFirst() where equity[k].2 != equity[k - 1].2 {
            #expect(equity[k].1 == equity[k - 1].1)
        }
        let json = tmp.read("wf/walkforward.json")
        // The stitched record is measured with the engine's full metric set.
        #expect(summary.stitchedTrades == 5)
        #expect(abs(summary.stitchedNetProfit - pnl.reduce(0, +)) < 1e-9)
        #expect(json.contains("\"stitched_out_of_sample\": {\n    \"num_trades\": 5,"))
        #expect(json.contains("\"long_num_trades\": 5"))
        #expect(json.contains("\"sharpe_monthly\""))
        #expect(json.contains("\"profitable_fold_share\": 1"))
        #expect(json.contains("\"parameter_stability\""))
        #expect(json.contains("\"unchanged_fold_to_fold_share\": 1"))
        // WFE per fold: annualized oos return / annualized in-sample return.
        let np = FakeEvaluator.index("net_profit_pct")
        let isPct = Double(np) * 0.5  // the fake's net_profit_pct
        #expect(summary.foldEfficiency.allSatisfy { $0 != nil && abs($0! - (isPct * 365.25 / 20) / (isPct * 365.25 / 30)) < 1e-9 })
        #expect(tmp.exists("wf/folds/fold_01/runs.csv"))
        #expect(tmp.exists("wf/folds/fold_05/oos/trades.csv"))

        // Resume: nothing runs again.
        let again = FakeEvaluator()
        let second = try WalkForward(config: config, evaluator: again).run(SweepOptions(jobs: 2))
        #expect(second.ran == 0)
        #expect(again.calls.count == 0)
        #expect(tmp.read("wf/oos_equity.csv").split(separator: "\n").count == equity.count + 1)
    }

    @Test func foldWithoutPassingRunIsReported() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        // net_profit - fast*10 + slow = mult + 5 + window days: only windows above 42.5 days pass.
        let text = Self.config(filters: "[\"net_profit - fast * 10 + slow > 45\"]", mode: "anchored")
        let config = try SweepConfig.load(path: tmp.config(text))
        let summary = try WalkForward(config: config, evaluator: FakeEvaluator()).run(SweepOptions(jobs: 2))
        #expect(summary.folds[0].best == nil)
        #expect(summary.folds[0].status == "no in-sample run passed the filters")
        #expect(summary.folds[1].best != nil)  // 50-day window
        #expect(summary.notes.contains { $0.contains("fold(s) 1") })
        let foldsCSV = tmp.read("wf/folds.csv").split(separator: "\n")
        #expect(foldsCSV[1].contains("no in-sample run passed the filters"))
        #expect(tmp.read("wf/walkforward.json").contains("\"wfe_note\": \"no in-sample run passed the filters\""))
    }

    /// The grid guard counts every fold: 2,500,000 cells a fold are under
    /// 10 million, but the 5 folds' 12,500,000 in-sample runs are not.
    @Test func theGridGuardCountsEveryFold() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        let text = Self.config()
            .replacingOccurrences(of: "constraints = [\"fast < slow\"]\n", with: "")
            .replacingOccurrences(
                of: "fast = { from = 5, to = 25, step = 5 }\nslow = { from = 10, to = 30, step = 10 }\nmult = { values = [1.5, 2.5] }",
                with: "fast = { from = 1, to = 500, step = 1 }\nslow = { from = 1, to = 1000, step = 1 }\nmult = { values = [1.0, 1.5, 2.0, 2.5, 3.0] }")
        let config = try SweepConfig.load(path: tmp.config(text))
        let evaluator = FakeEvaluator()
        let wf = try WalkForward(config: config, evaluator: evaluator)
        #expect(wf.folds.count == 5)
        #expect(wf.planner.plannedCount == 500 * 1000 * 5)
        #expect {
            _ = try wf.run(SweepOptions(jobs: 1))
        } throws: { error in
            "\(error)".hasPrefix("the grid has \(5 * 500 * 1000 * 5) runs, more than 10000000: ")
        }
        #expect(evaluator.calls.count == 0)
        #expect(!tmp.exists("wf/folds.csv"))
    }

    @Test func missingWalkForwardTableIsAConfigError() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        let config = try SweepConfig.load(path: tmp.config(Configs.grid()))
        #expect(throws: ConfigError.self) { try WalkForward(config: config, evaluator: FakeEvaluator()) }
    }
}
