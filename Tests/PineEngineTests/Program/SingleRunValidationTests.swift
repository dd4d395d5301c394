import Foundation
@testable import PineEngine
import PineLanguage
import Testing

/// `pfopt run` settings are validated before anything runs.
@Suite struct SingleRunValidationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let script = root.appendingPathComponent("Tests/Fixtures/parity/cases/01-sma-flip/strategy.pine").path
    static let data = root.appendingPathComponent("sweeps/data/ETHUSDT-PERP_15m.csv").path

    func request(sets: [String] = [], overrides: [String] = [], magnifier: String = "off", from: String? = nil)
        -> SingleRun.Request
    {
        SingleRun.Request(
            scriptPath: Self.script, dataPath: Self.data, sets: sets, overrides: overrides, magnifier: magnifier,
            tradeFrom: from)
    }

    @Test func unknownInputListsTheScriptsInputs() {
        #expect {
            _ = try SingleRun(request(sets: ["nope=3"]))
        } throws: { "\($0)" == "the script has no input 'nope' (its inputs: fastLen, slowLen)" }
    }

    @Test func inputsAreTypedAndBoundedByTitleOrName() throws {
        let run = try SingleRun(request(sets: ["Fast SMA=12", "slowLen=40"]))
        #expect(run.options.inputs == ["fastLen": .int(12), "slowLen": .int(40)])
        #expect(throws: InputValueError.self) { _ = try SingleRun(request(sets: ["fastLen=1.5"])) }
        #expect(throws: InputValueError.self) { _ = try SingleRun(request(sets: ["fastLen=0"])) }
    }

    @Test func badOverrideMagnifierAndWindowAreRejected() {
        #expect { _ = try SingleRun(request(overrides: ["pyramiding=-1"])) } throws: { "\($0)".contains("pyramiding") }
        #expect { _ = try SingleRun(request(magnifier: "real")) } throws: { "\($0)".contains("finer") }
        #expect { _ = try SingleRun(request(magnifier: "sideways")) } throws: { "\($0)".contains("unknown magnifier") }
        #expect { _ = try SingleRun(request(from: "2030-01-01")) } throws: { "\($0)".contains("after the last bar") }
    }

    @Test func aValidRunReproducesTheReferenceNetProfit() throws {
        let result = try SingleRun(request(from: "2025-01-01T00:00:00Z")).run()
        #expect(result.report.trades.count == 1881)
        #expect(abs(result.report.metrics.all.netProfit - 4904.919999999978) < 1e-6)
        #expect(result.plots.isEmpty)
    }
}
