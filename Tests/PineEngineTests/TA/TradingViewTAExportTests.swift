import Testing

/// One test per TradingView export in `Fixtures/tradingview/ta`: every exported column is
/// reproduced within relative 1e-5 (absolute 1e-8) on every row, with `na` exactly where
/// TradingView has it.
@Suite("TradingView ta.* exports")
struct TradingViewTAExportTests {
    private func check(
        _ file: String, _ run: (TAFixtureRuns.Bars) -> [String: [Double]],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let fixture = try TAFixture.load(file)
        #expect(fixture.count > 50, sourceLocation: sourceLocation)
        let computed = run(try TAFixtureRuns.bars(fixture))
        #expect(!computed.isEmpty, sourceLocation: sourceLocation)
        let problems = fixture.mismatches(computed)
        #expect(
            problems.isEmpty, "\(problems.joined(separator: "\n"))",
            sourceLocation: sourceLocation)
    }

    @Test func movingAverages() throws { try check("ma.csv", TAFixtureRuns.movingAverages) }
    @Test func accdistPviPvtWadWvad() throws {
        try check("accdist+pvi+pvt+wad+wvad.csv", TAFixtureRuns.volumeBuiltins)
    }
    @Test func iiiNviObv() throws { try check("iii+nvi+obv.csv", TAFixtureRuns.iiiNviObv) }
    @Test func bollingerBands() throws { try check("bb.csv", TAFixtureRuns.bollinger) }
    @Test func keltnerChannels() throws { try check("kc.csv", TAFixtureRuns.keltner) }
    @Test func cciCmoCog() throws { try check("cci+cmo+cog.csv", TAFixtureRuns.oscillators) }
    @Test func correlation() throws { try check("correlation.csv", TAFixtureRuns.correlation) }
    @Test func crosses() throws { try check("cross.csv", TAFixtureRuns.crosses) }
    @Test func dmi() throws { try check("dmi.csv", TAFixtureRuns.dmi) }
    @Test func fallingRising() throws {
        try check("falling+rising.csv", TAFixtureRuns.risingFalling)
    }
    @Test func highestLowest() throws { try check("highest+lowest.csv", TAFixtureRuns.extremes) }
    @Test func linreg() throws { try check("linreg.csv", TAFixtureRuns.linreg) }
    @Test func macd() throws { try check("macd.csv", TAFixtureRuns.macd) }
    @Test func mfiRsiStoch() throws { try check("mfi+rsi+stoch.csv", TAFixtureRuns.mfiRsiStoch) }
    @Test func minMaxMedianMode() throws {
        try check("min+max+median+mode.csv", TAFixtureRuns.minMaxMedianMode)
    }
    @Test func pivots() throws { try check("pivot.csv", TAFixtureRuns.pivots) }
    @Test func percentiles() throws { try check("ppp.csv", TAFixtureRuns.percentiles) }
    @Test func range() throws { try check("range.csv", TAFixtureRuns.range) }
    @Test func rci() throws { try check("rci.csv", TAFixtureRuns.rci) }
    @Test func sar() throws { try check("sar.csv", TAFixtureRuns.sar) }
    @Test func supertrend() throws { try check("supertrend.csv", TAFixtureRuns.supertrend) }
    @Test func trueRangeAndATR() throws { try check("tr.csv", TAFixtureRuns.trueRange) }
    @Test func tsi() throws { try check("tsi.csv", TAFixtureRuns.tsi) }
    @Test func valueWhen() throws { try check("valuewhen.csv", TAFixtureRuns.valueWhen) }
    @Test func valueWhenNA() throws { try check("valuewhen_na.csv", TAFixtureRuns.valueWhenNA) }
    @Test func vwap() throws {
        let fixture = try TAFixture.load("vwap.csv")
        let computed = try TAFixtureRuns.vwap(fixture, TAFixtureRuns.bars(fixture))
        let problems = fixture.mismatches(computed)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
    @Test func pivotPointLevels() throws {
        let fixture = try TAFixture.load("pivot_point_levels.csv")
        #expect(fixture.count == 3_000)
        let computed = try TAFixtureRuns.pivotPointLevels(fixture, TAFixtureRuns.bars(fixture))
        let problems = fixture.mismatches(computed)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
    @Test func wpr() throws { try check("wpr.csv", TAFixtureRuns.wpr) }

    /// The comparison itself must be able to fail: a perturbed column is reported.
    @Test func mismatchIsDetected() throws {
        let fixture = try TAFixture.load("macd.csv")
        var computed = try TAFixtureRuns.macd(TAFixtureRuns.bars(fixture))
        computed["ta.macd(close, 12, 26, 9).hist"]?[150] += 1e-3
        computed["ta.macd(close, 12, 26, 9).signal"]?[0] = 0
        let problems = fixture.mismatches(computed)
        #expect(problems.count == 2)
    }
}
