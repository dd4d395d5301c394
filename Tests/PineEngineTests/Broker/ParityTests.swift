import Foundation
import PineEngine
import Testing

/// Every run of the parity cases with a hand-written Swift strategy must
/// reproduce the reference engine's trades (every column, excursions
/// included), metrics and equity samples.
@Suite("Broker parity")
struct ParityTests {
    static func verify(
        _ caseName: String, _ run: String, _ props: StrategyProperties, _ make: ([String: Double]) -> some BarScript
    ) throws {
        let r = try ParityFixture.check(caseName: caseName, run: run, properties: props, makeScript: make)
        #expect(r.isExact, Comment(rawValue: "\(caseName)/\(run):\n" + r.problems.prefix(12).joined(separator: "\n")))
    }

    @Test("a 01-sma-flip", arguments: ParityFixture.runs("01-sma-flip"))
    func caseA(run: String) throws {
        try Self.verify("01-sma-flip", run, CaseA.props) { CaseA($0) }
    }

    @Test("b 02-ema-tick-bracket", arguments: ParityFixture.runs("02-ema-tick-bracket"))
    func caseB(run: String) throws {
        try Self.verify("02-ema-tick-bracket", run, CaseB.props) { CaseB($0) }
    }

    // Case f's three runs are retired (see `RetiredParityRuns`); `CaseF`
    // stays as the Swift form of the strategy.

    @Test("g 07-donchian-stop-entry", arguments: RetiredParityRuns.kept("07-donchian-stop-entry", ParityFixture.runs("07-donchian-stop-entry")))
    func caseG(run: String) throws {
        try Self.verify("07-donchian-stop-entry", run, CaseG.props) { CaseG($0) }
    }

    @Test("h 08-limit-pullback", arguments: ParityFixture.runs("08-limit-pullback"))
    func caseH(run: String) throws {
        try Self.verify("08-limit-pullback", run, CaseH.props) { CaseH($0) }
    }

    // Case j's three runs are retired (see `RetiredParityRuns`); `CaseJ`
    // stays as the Swift form of the strategy.

    @Test("n 14-avgprice-bracket", arguments: ParityFixture.runs("14-avgprice-bracket"))
    func caseN(run: String) throws {
        try Self.verify("14-avgprice-bracket", run, CaseN.props) { CaseN($0) }
    }

    @Test("feed and fixtures are present")
    func fixturesPresent() {
        #expect(ParityFixture.feed.count == 53_929)
        #expect(ParityFixture.feed60?.count == 13_482)
        // Every case these tests take their runs from has its runs (an absent
        // folder would give a parameterized test no arguments).
        for name in ["01-sma-flip", "02-ema-tick-bracket", "07-donchian-stop-entry", "08-limit-pullback", "14-avgprice-bracket"] {
            #expect(ParityFixture.runs(name).count >= 3, "\(name)")
        }
        #expect(ParityFixture.runs("01-sma-flip").count == 11)
    }
}
