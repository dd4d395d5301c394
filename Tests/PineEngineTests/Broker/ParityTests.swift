import Foundation
import PineEngine
import Testing

/// Every run of the parity cases with a hand-written Swift strategy must
/// reproduce the reference engine's trades and metrics.
@Suite("Broker parity")
struct ParityTests {
    /// How far a run with a documented, not yet understood deviation from
    /// the reference may be off; anything beyond fails.
    struct Deviation {
        var countDelta = 0
        var badTrades = 0
        var badExcursions = 0
        var badMetrics = 0
        var reason: String
    }

    static let excursionNote =
        "per-trade max run-up/drawdown differ on a few trades around gap fills at the open (reference quirk not yet modelled)"

    /// Runs that do not (yet) reproduce the reference exactly, with their bounds.
    static let deviations: [String: Deviation] = [
        "06-atr-trail/default": Deviation(badExcursions: 2, reason: excursionNote),
        "06-atr-trail/alt2": Deviation(badExcursions: 6, reason: excursionNote),
        "07-donchian-stop-entry/default": Deviation(badExcursions: 1, reason: excursionNote),
        "07-donchian-stop-entry/alt2": Deviation(badExcursions: 1, reason: excursionNote),
        "07-donchian-stop-entry/tf60": Deviation(badExcursions: 2, reason: excursionNote),
        "14-avgprice-bracket/default": Deviation(badExcursions: 4, reason: excursionNote),
        "14-avgprice-bracket/alt1": Deviation(badExcursions: 4, reason: excursionNote),
        "14-avgprice-bracket/alt2": Deviation(badExcursions: 4, reason: excursionNote),
        "14-avgprice-bracket/tf60": Deviation(badExcursions: 2, reason: excursionNote),
    ]

    static func verify(
        _ caseName: String, _ run: String, _ props: StrategyProperties, _ make: ([String: Double]) -> some BarScript
    ) throws {
        let r = try ParityFixture.check(caseName: caseName, run: run, properties: props, makeScript: make)
        let detail = Comment(rawValue: "\(caseName)/\(run):\n" + r.problems.prefix(12).joined(separator: "\n"))
        guard let known = deviations["\(caseName)/\(run)"] else {
            #expect(r.isExact, detail)
            return
        }
        #expect(abs(r.tradeCountDelta) <= known.countDelta, detail)
        #expect(r.badTrades <= known.badTrades, detail)
        #expect(r.badExcursions <= known.badExcursions, detail)
        #expect(r.badMetrics <= known.badMetrics, detail)
        withKnownIssue(Comment(rawValue: known.reason), isIntermittent: true) {
            #expect(r.isExact, detail)
        }
    }

    @Test("a 01-sma-flip", arguments: ParityFixture.runs("01-sma-flip"))
    func caseA(run: String) throws {
        try Self.verify("01-sma-flip", run, CaseA.props) { CaseA($0) }
    }

    @Test("b 02-ema-tick-bracket", arguments: ParityFixture.runs("02-ema-tick-bracket"))
    func caseB(run: String) throws {
        try Self.verify("02-ema-tick-bracket", run, CaseB.props) { CaseB($0) }
    }

    @Test("f 06-atr-trail", arguments: ParityFixture.runs("06-atr-trail"))
    func caseF(run: String) throws {
        try Self.verify("06-atr-trail", run, CaseF.props) { CaseF($0) }
    }

    @Test("g 07-donchian-stop-entry", arguments: ParityFixture.runs("07-donchian-stop-entry"))
    func caseG(run: String) throws {
        try Self.verify("07-donchian-stop-entry", run, CaseG.props) { CaseG($0) }
    }

    @Test("h 08-limit-pullback", arguments: ParityFixture.runs("08-limit-pullback"))
    func caseH(run: String) throws {
        try Self.verify("08-limit-pullback", run, CaseH.props) { CaseH($0) }
    }

    @Test("j 10-pyramid-pct-equity", arguments: ParityFixture.runs("10-pyramid-pct-equity"))
    func caseJ(run: String) throws {
        try Self.verify("10-pyramid-pct-equity", run, CaseJ.props) { CaseJ($0) }
    }

    @Test("n 14-avgprice-bracket", arguments: ParityFixture.runs("14-avgprice-bracket"))
    func caseN(run: String) throws {
        try Self.verify("14-avgprice-bracket", run, CaseN.props) { CaseN($0) }
    }

    @Test("feed and fixtures are present")
    func fixturesPresent() {
        #expect(ParityFixture.feed.count == 53_929)
        #expect(ParityFixture.feed60?.count == 13_482)
        #expect(ParityFixture.runs("01-sma-flip").count == 11)
    }
}
