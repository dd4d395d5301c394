import Testing

import PineEngine

/// The `base/series_if_for.csv` export exercised at the level of the `ta.*` states: it pins
/// how a call site behaves inside a `for` loop and inside an `if`.
///
/// The script (public with the export): `for i = 1 to 3: ema1 := ta.ema(close * i, 5)` and
/// `if bar_index % 4 == 3: ema2 := ta.ema(close, 10)`, plotting `ema1`, `ema1[1]`, `ema2`,
/// `ema2[2]`. TradingView re-runs a loop call site from the state it had at the start of the
/// bar on every iteration (only the last iteration's update survives), and an `if` call site
/// advances only on the bars where it executes. The states are value types, so a runtime gets
/// the loop rule by restoring a copy taken at the bar's start.
@Suite("TradingView base exports at the ta.* level")
struct TradingViewBaseExportTests {
    @Test func seriesIfFor() throws {
        let fixture = try TAFixture.load("series_if_for.csv", folder: "base")
        let close = fixture.close
        #expect(close.count > 400)
        var loopSite = EMAState()
        var ifSite = EMAState()
        var ema1: [Double] = [], ema1Prev: [Double] = []
        var ema2: [Double] = [], ema2Back2: [Double] = []
        for bar in 0..<close.count {
            let barStart = loopSite
            var value = Double.nan
            for i in 1...3 {
                loopSite = barStart
                value = loopSite.update(close[bar] * Double(i), length: 5)
            }
            ema1.append(value)
            ema1Prev.append(bar >= 1 ? ema1[bar - 1] : .nan)
            ema2.append(bar % 4 == 3 ? ifSite.update(close[bar], length: 10) : .nan)
            ema2Back2.append(bar >= 2 ? ema2[bar - 2] : .nan)
        }
        let problems = fixture.mismatches([
            "ema1": ema1, "ema1[1]": ema1Prev, "ema2": ema2, "ema2[2]": ema2Back2,
        ])
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}
