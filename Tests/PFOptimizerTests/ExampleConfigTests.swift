import Foundation
import PineLanguage
import Testing

@testable import PFOptimizer

/// The example configs under sweeps/ decode, their strategies pass the front
/// end, and their plans have the sizes their comments state.
@Suite struct ExampleConfigTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// An evaluator that knows a script's inputs and the feed's bar times but runs nothing.
    struct ValidationOnlyEvaluator: BacktestEvaluator {
        let inputs: [InputSpec]
        let barTimes: [Int64]
        func makeWorker() throws -> any BacktestWorker { throw FakeError(message: "validation only") }
    }

    static func evaluator(for config: SweepConfig) throws -> ValidationOnlyEvaluator {
        let source = try String(contentsOfFile: config.strategy.scriptPath, encoding: .utf8)
        let checked = PineFrontEnd.check(source: source, fileName: config.strategy.scriptPath)
        #expect(!checked.hasErrors, "\(checked.renderedDiagnostics)")
        let csv = try String(contentsOfFile: config.data.file, encoding: .utf8)
        let times = csv.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
            line.split(separator: ",").first.flatMap { Int64($0) }
        }
        return ValidationOnlyEvaluator(inputs: checked.inputs, barTimes: times)
    }

    @Test func smaCrossGrid() throws {
        let config = try SweepConfig.load(path: Self.repo + "/sweeps/sma_cross.toml")
        let evaluator = try Self.evaluator(for: config)
        #expect(evaluator.barTimes.count == 53_929)
        let sweep = try Sweep(config: config, evaluator: evaluator)
        #expect(sweep.space.gridSize == 920)
        var it = sweep.planner.makeIterator()
        var n = 0
        while it.next() != nil { n += 1 }
        #expect(n == 836)
        #expect(sweep.space.fixed["trend_len"] == .int(400))
        #expect(config.output.directory == Self.repo + "/results/sma_cross")
    }

    @Test func rsiBandsRandom() throws {
        let config = try SweepConfig.load(path: Self.repo + "/sweeps/rsi_bands.toml")
        let sweep = try Sweep(config: config, evaluator: try Self.evaluator(for: config))
        #expect(sweep.planner.plannedCount == 300)
        var it = sweep.planner.makeIterator()
        var n = 0
        while let (_, v) = it.next() {
            n += 1
            #expect((v[1].numericValue ?? 0) + 10 <= (v[2].numericValue ?? 0))
        }
        #expect(n == 300)
    }

    @Test func walkForwardSma() throws {
        let config = try SweepConfig.load(path: Self.repo + "/sweeps/walkforward_sma.toml")
        let wf = try WalkForward(config: config, evaluator: try Self.evaluator(for: config))
        // 2024-10-19 + 10d warm-up, 120d in-sample, then 60d folds until 2026-05-04.
        #expect(wf.folds.count == 7)
        #expect(Fold.iso(wf.folds[0].inSampleStart) == "2024-10-29T21:00:00Z")
        var it = wf.planner.makeIterator()
        var n = 0
        while it.next() != nil { n += 1 }
        #expect(n == 102)
    }
}
