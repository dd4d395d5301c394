import Foundation
import PFData
@testable import PineEngine
import PineLanguage
import Testing

/// `time(timeframe, session, timezone)` and `time_close(...)`: session filters and
/// higher-timeframe period times, checked against the bars' own UTC clock.
@Suite struct SessionTimeTests {
    /// Three days of 15-minute bars from Sunday 2025-01-05 00:00 UTC.
    static func data() throws -> PreparedData {
        let start: Int64 = 1_736_035_200_000
        let n = 3 * 96
        let times = (0..<n).map { start + Int64($0) * 900_000 }
        let ones = [Double](repeating: 1, count: n)
        let store = BarStore(time: times, open: ones, high: ones, low: ones, close: ones, volume: ones)
        return try PreparedData(store: store, sourceTimeframe: Timeframe("15"))
    }

    static func plots(_ body: String) throws -> [String: [Double]] {
        try ScriptHarness.run(ScriptHarness.source(body, declaration: "indicator(\"s\")"), fileName: "s.pine", data: data())
            .plotSeries
    }

    /// (day of week 1 = Sunday, minute of the day) of bar `i` in UTC.
    static func clock(_ i: Int) -> (day: Int, minute: Int) {
        let minutes = i * 15
        return (1 + (minutes / 1440) % 7, minutes % 1440)
    }

    @Test func sessionFiltersBarsByTheirOpenTime() throws {
        let p = try Self.plots("""
            plot(na(time(timeframe.period, "0930-1600")) ? 0 : 1, "day")
            plot(na(time(timeframe.period, "0000-0000:1")) ? 0 : 1, "sunday")
            plot(na(time(timeframe.period, "2200-0200:2")) ? 0 : 1, "overnight")
            plot(na(time("", "0930-1200,1300-1600:23456")) ? 0 : 1, "split")
            plot(time(timeframe.period, "0930-1600"), "value")
            """)
        let n = 3 * 96
        for i in 0..<n {
            let (day, minute) = Self.clock(i)
            #expect(p["day"]?[i] == ((minute >= 570 && minute < 960) ? 1 : 0), "bar \(i)")
            #expect(p["sunday"]?[i] == (day == 1 ? 1 : 0), "bar \(i)")
            // Monday's overnight session: Sunday from 22:00, Monday until 02:00.
            let overnight = (day == 1 && minute >= 1320) || (day == 2 && minute < 120)
            #expect(p["overnight"]?[i] == (overnight ? 1 : 0), "bar \(i)")
            let split = (2...6).contains(day) && ((minute >= 570 && minute < 720) || (minute >= 780 && minute < 960))
            #expect(p["split"]?[i] == (split ? 1 : 0), "bar \(i)")
        }
        let first = try #require(p["value"]?.firstIndex { !$0.isNaN })
        #expect(first == 38)
        #expect(p["value"]?[38] == Double(1_736_035_200_000 + 38 * 900_000))
    }

    @Test func sessionReadsItsTimeZone() throws {
        let p = try Self.plots("""
            plot(na(time(timeframe.period, "0930-1600", "America/New_York")) ? 0 : 1, "ny")
            plot(na(time(timeframe.period, "0930-1600", "GMT+2")) ? 0 : 1, "plus2")
            """)
        // January: New York is UTC-5, so 09:30-16:00 there is 14:30-21:00 UTC.
        for i in 0..<(3 * 96) {
            let minute = Self.clock(i).minute
            #expect(p["ny"]?[i] == ((minute >= 870 && minute < 1260) ? 1 : 0), "bar \(i)")
            #expect(p["plus2"]?[i] == ((minute >= 450 && minute < 840) ? 1 : 0), "bar \(i)")
        }
    }

    @Test func higherTimeframeTimesArePeriodBounds() throws {
        let p = try Self.plots("""
            plot(time("D"), "open")
            plot(time_close("D"), "close")
            plot(time("60"), "hour")
            """)
        let start: Int64 = 1_736_035_200_000
        for i in [0, 1, 95, 96, 150, 287] {
            let day = start + Int64(i / 96) * 86_400_000
            #expect(p["open"]?[i] == Double(day), "bar \(i)")
            #expect(p["close"]?[i] == Double(day + 86_400_000), "bar \(i)")
            #expect(p["hour"]?[i] == Double(start + Int64(i / 4) * 3_600_000), "bar \(i)")
        }
    }

    @Test func firstAndLastBarsOfEachSession() throws {
        let p = try Self.plots("""
            plot(session.isfirstbar ? 1 : 0, "first")
            plot(session.islastbar ? 1 : 0, "last")
            """)
        let first = (p["first"] ?? []).indices.filter { p["first"]?[$0] == 1 }
        let last = (p["last"] ?? []).indices.filter { p["last"]?[$0] == 1 }
        #expect(first == [0, 96, 192])
        #expect(last == [95, 191, 287])
    }

    @Test func unsupportedSessionMemberIsNamed() {
        #expect {
            _ = try Self.plots("plot(session.isfirstbar_extended ? 1 : 0)")
        } throws: { error in
            "\(error)".contains("s.pine:3") && "\(error)".contains("session.isfirstbar_extended")
        }
    }

    /// Regular hours Monday to Friday 14:30-21:00 UTC, extended 09:00-14:30 and 21:00-24:00.
    @Test func marketPreAndPostFromTheSymbolsHours() throws {
        let base = try Self.data()
        var symbol = SymbolInfo(ticker: "X", currency: "USD", period: "15", type: "stock", mintick: 0.01)
        let (t0900, t1430, t2100, t0000) = (
            try #require(TimeOfDay(hour: 9, minute: 0)), try #require(TimeOfDay(hour: 14, minute: 30)),
            try #require(TimeOfDay(hour: 21, minute: 0)), try #require(TimeOfDay(hour: 0, minute: 0))
        )
        symbol.openingHours = (0...4).map { TradingInterval(day: $0, start: t1430, end: t2100) }
        symbol.extendedHours = (0...4).flatMap {
            [TradingInterval(day: $0, start: t0900, end: t1430), TradingInterval(day: $0, start: t2100, end: t0000)]
        }
        let market = MarketData(
            bars: base.bars.bars, timeframe: Timeframe("15"), symbol: symbol, sourcePath: "x.csv", ohlcvPath: "x.ohlcv",
            gaps: [])
        let data = try PreparedData(market: market, scriptTimeframe: nil)
        let source = """
            //@version=6
            indicator("m")
            plot(session.ismarket ? 1 : 0, "market")
            plot(session.ispremarket ? 1 : 0, "pre")
            plot(session.ispostmarket ? 1 : 0, "post")
            """
        let result = try ScriptRunner(program: try PineProgram.compile(source: source, fileName: "m.pine"), data: data)
            .run(RunOptions(), recordPlots: true)
        var p: [String: [Double]] = [:]
        for plot in result.plots { p[plot.title] = plot.values }
        for i in 0..<(3 * 96) {
            let (day, minute) = Self.clock(i)
            let weekday = (2...6).contains(day)
            let market = weekday && minute >= 870 && minute < 1260
            #expect(p["market"]?[i] == (market ? 1 : 0), "bar \(i)")
            #expect(p["pre"]?[i] == (weekday && minute >= 540 && minute < 870 ? 1 : 0), "bar \(i)")
            #expect(p["post"]?[i] == (weekday && minute >= 1260 ? 1 : 0), "bar \(i)")
        }
    }

    @Test func badSessionIsACompileError() {
        #expect {
            _ = try Self.plots("plot(time(timeframe.period, \"9:30-16\"))")
        } throws: { error in
            "\(error)".contains("s.pine:3") && "\(error)".contains("not a session")
        }
    }
}
