import Foundation
import PFData
@testable import PineEngine
import Testing

/// TradingView's `base/time.csv` export (5-minute bars, chart and exchange time zone UTC)
/// reproduced by running Pine through the whole engine: the calendar variables, the
/// calendar functions of a time and of a time in another zone, and `timestamp()` from
/// numbers, from numbers in a zone and from date strings. The exported script is not
/// published with the file; this one was rebuilt from the numbers (the `_time` columns read
/// `time` plus 5 minutes, `dayofmonth_time_tz` plus 10 minutes; `time+` is `time` plus 5
/// minutes, which on 5-minute bars is also `time_close`).
@Suite struct TimeExportTests {
    static let script = """
        //@version=6
        indicator("Date/Time")
        plot(time, "time")
        plot(time + 5 * 60 * 1000, "time+")
        plot(dayofmonth, "dayofmonth")
        plot(dayofmonth(time + 5 * 60 * 1000), "dayofmonth_time")
        plot(dayofmonth(time + 10 * 60 * 1000, "Europe/Budapest"), "dayofmonth_time_tz")
        plot(dayofweek, "dayofweek")
        plot(dayofweek(time + 5 * 60 * 1000), "dayofweek_time")
        plot(dayofweek(time + 5 * 60 * 1000, "Europe/Budapest"), "dayofweek_time_tz")
        plot(hour, "hour")
        plot(hour(time + 5 * 60 * 1000), "hour_time")
        plot(hour(time + 5 * 60 * 1000, "Europe/Budapest"), "hour_time_tz")
        plot(minute, "minute")
        plot(minute(time + 5 * 60 * 1000), "minute_time")
        plot(minute(time + 5 * 60 * 1000, "Europe/Budapest"), "minute_time_tz")
        plot(month, "month")
        plot(month(time + 5 * 60 * 1000), "month_time")
        plot(month(time + 5 * 60 * 1000, "Europe/Budapest"), "month_time_tz")
        plot(second, "second")
        plot(second(time + 5 * 60 * 1000), "second_time")
        plot(second(time + 5 * 60 * 1000, "Europe/Budapest"), "second_time_tz")
        plot(weekofyear, "weekofyear")
        plot(weekofyear(time + 5 * 60 * 1000), "weekofyear_time")
        plot(weekofyear(time + 5 * 60 * 1000, "Europe/Budapest"), "weekofyear_time_tz")
        plot(year, "year")
        plot(year(time + 5 * 60 * 1000), "year_time")
        plot(year(time + 5 * 60 * 1000, "Europe/Budapest"), "year_time_tz")
        plot(timestamp(2016, 1, 19, 9, 30), "timestamp datetime 1")
        plot(timestamp(2019, 6, 19, 9, 30, 15), "timestamp datetime 2")
        plot(timestamp(syminfo.timezone, 2016, 1, 19, 9, 30), "timestamp datetime tz 1")
        plot(timestamp("GMT+6", 2016, 1, 19, 9, 30), "timestamp datetime tz 2")
        plot(timestamp("GMT+3", 2019, 6, 19, 9, 30, 15), "timestamp datetime tz 3")
        plot(timestamp(dateString = "Feb 01 2020 22:10:05"), "timestamp datestr 1")
        plot(timestamp("2011-10-10T14:48:00"), "timestamp datestr 2")
        plot(timestamp("04 Dec 1995 00:12:00 GMT+5"), "timestamp datestr 3")
        plot(time_close, "time_close")
        """

    /// The export's header (the bar `time` column, then one column per plot) and rows.
    static func export() throws -> (header: [String], rows: [[String]]) {
        let url = TAFixture.directory("base").appendingPathComponent("time.csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
        let header = NaFunctionsExportTests.fields(String(lines[0]))
        return (header, lines.dropFirst().map { NaFunctionsExportTests.fields(String($0)) })
    }

    @Test func reproducesEveryRow() throws {
        let (header, rows) = try Self.export()
        #expect(rows.count == 2_300)
        let formatter = ISO8601DateFormatter()
        let times = rows.map { Int64((formatter.date(from: $0[0])?.timeIntervalSince1970 ?? .nan) * 1000) }
        func column(_ k: Int) -> [Double] { rows.map { Double($0[k]) ?? .nan } }
        let store = BarStore(time: times, open: column(1), high: column(2), low: column(3), close: column(4), volume: column(5))
        let program = try PineProgram.compile(source: Self.script, fileName: "time.pine")
        let data = try PreparedData(store: store, sourceTimeframe: Timeframe("5"))
        let result = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
        let exported = Array(header[6...])
        #expect(exported.count == 34)
        #expect(result.plots.map(\.title).prefix(exported.count).elementsEqual(exported))
        for (k, plot) in result.plots.prefix(exported.count).enumerated() {
            var bad: [String] = []
            for (i, (mine, ref)) in zip(plot.values, column(6 + k)).enumerated()
            where !TAFixture.matches(expected: ref, actual: mine) {
                bad.append("row \(i): \(mine) vs \(ref)")
            }
            #expect(plot.values.count == rows.count)
            #expect(bad.isEmpty, "\(plot.title): \(bad.count) rows differ; \(bad.prefix(4).joined(separator: "; "))")
        }
        // On 5-minute bars `time_close` is the exported `time+`.
        let close = try #require(result.plots.last)
        #expect(close.title == "time_close")
        #expect(close.values == column(7))
    }

    @Test func dateStringsAndZones() throws {
        let script = """
            //@version=6
            indicator("dates")
            plot(timestamp("2020-02-02T10:10:05+0000"), "iso zone")
            plot(timestamp("2020-02-20T15:30:00+02:00"), "iso colon zone")
            plot(timestamp("Mon, 20 Feb 2020 15:30 +0200"), "rfc weekday")
            plot(timestamp("2020-02-20"), "date only")
            plot(timestamp("America/New_York", 2024, 7, 1, 9, 30), "iana")
            plot(hour(timestamp(2024, 7, 1, 12, 0), "America/New_York"), "hour ny")
            plot(timestamp("GMT-3", 2020, 2, 2, 10, 10, 5), "west zone")
            """
        let program = try PineProgram.compile(source: script, fileName: "dates.pine")
        let store = BarStore(time: [0, 60_000], open: [1, 1], high: [1, 1], low: [1, 1], close: [1, 1], volume: [1, 1])
        let data = try PreparedData(store: store, sourceTimeframe: Timeframe("1"))
        let plots = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true).plots
        let values = Dictionary(uniqueKeysWithValues: plots.map { ($0.title, $0.values[0]) })
        #expect(values["iso zone"] == 1_580_638_205_000)
        #expect(values["iso colon zone"] == 1_582_205_400_000)
        #expect(values["rfc weekday"] == 1_582_205_400_000)
        #expect(values["date only"] == 1_582_156_800_000)
        #expect(values["iana"] == 1_719_840_600_000)  // 13:30 UTC (EDT)
        #expect(values["hour ny"] == 8)
        #expect(values["west zone"] == 1_580_649_005_000)
    }

    @Test func badDateStringOrZoneIsACompileError() {
        for line in ["plot(timestamp(\"31 Foo 2020\"))", "plot(hour(time, \"Mars/Olympus\"))"] {
            #expect(throws: (any Error).self) {
                _ = try PineProgram.compile(source: "//@version=6\nindicator(\"x\")\n" + line, fileName: "x.pine")
            }
        }
    }

    /// `timeframe.change` on hourly UTC bars (sessions at midnight): days at 00:00, weeks on
    /// Monday, months on the 1st, 4-hour periods from the session start; never on the first bar.
    @Test func timeframeChangeOnMidnightSessions() throws {
        let start: Int64 = 1_704_067_200_000  // Monday 2024-01-01 00:00 UTC
        let count = 24 * 40
        let times = (0..<count).map { start + Int64($0) * 3_600_000 }
        let ones = [Double](repeating: 1, count: count)
        let store = BarStore(time: times, open: ones, high: ones, low: ones, close: ones, volume: ones)
        let script = """
            //@version=6
            indicator("changes")
            plot(timeframe.change("240") ? 1 : 0, "240")
            plot(timeframe.change("D") ? 1 : 0, "D")
            plot(timeframe.change("W") ? 1 : 0, "W")
            plot(timeframe.change("M") ? 1 : 0, "M")
            plot(time_tradingday, "tradingday")
            """
        let program = try PineProgram.compile(source: script, fileName: "changes.pine")
        let data = try PreparedData(store: store, sourceTimeframe: Timeframe("60"))
        let plots = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true).plots
        func bars(_ title: String) -> [Int] {
            plots.first { $0.title == title }?.values.enumerated().filter { $0.element == 1 }.map(\.offset) ?? []
        }
        #expect(bars("240") == Array(stride(from: 4, to: count, by: 4)))
        #expect(bars("D") == Array(stride(from: 24, to: count, by: 24)))
        #expect(bars("W") == [7 * 24, 14 * 24, 21 * 24, 28 * 24, 35 * 24])
        #expect(bars("M") == [31 * 24])
        // Midnight sessions: each bar trades for its own UTC day.
        let tradingDays = plots.first { $0.title == "tradingday" }?.values ?? []
        #expect(tradingDays == times.map { Double($0 / 86_400_000 * 86_400_000) })
    }

    /// With FX sessions (`vwap.toml`: Sunday to Thursday at 17:00 New York), the trading day
    /// changes with the 17:00 bar, and the Sunday 17:00 session is Monday's (a new week).
    @Test func timeframeChangeFollowsTheSessions() throws {
        let path = TAFixture.directory("ta").appendingPathComponent("vwap.toml").path
        // Hourly bars from Friday 2024-03-01 14:00 to Tuesday 2024-03-05 14:00 New York (EST).
        let start: Int64 = 1_709_319_600_000
        let times = (0..<97).map { start + Int64($0) * 3_600_000 }
        let ones = [Double](repeating: 1, count: times.count)
        let store = BarStore(time: times, open: ones, high: ones, low: ones, close: ones, volume: ones)
        let market = MarketData(
            bars: store, timeframe: Timeframe("60"), symbol: try SymbolInfo.load(path: path), sourcePath: path,
            ohlcvPath: path, gaps: [])
        let script = """
            //@version=6
            indicator("fx")
            plot(timeframe.change("D") ? 1 : 0, "D")
            plot(timeframe.change("W") ? 1 : 0, "W")
            plot(hour, "hour")
            plot(time_tradingday, "tradingday")
            """
        let program = try PineProgram.compile(source: script, fileName: "fx.pine")
        let plots = try ScriptRunner(program: program, data: try PreparedData(market: market, scriptTimeframe: nil))
            .run(RunOptions(), recordPlots: true).plots
        let hours = try #require(plots.first { $0.title == "hour" }).values
        let days = try #require(plots.first { $0.title == "D" }).values
        let weeks = try #require(plots.first { $0.title == "W" }).values
        #expect(hours[0] == 14)
        // Sessions start Sunday to Thursday at 17:00 (17:05 floored to the hour): Friday's
        // and Saturday's 17:00 open none (a real feed has no weekend bars), Sunday's opens
        // Monday's trading day and a new week, Monday's opens Tuesday's.
        #expect(days.indices.filter { days[$0] == 1 } == [51, 75])
        #expect(weeks.indices.filter { weeks[$0] == 1 } == [51])
        // time_tradingday is 00:00 UTC of that trading day: Friday 2024-03-01 up to the
        // Sunday 17:00 bar, Monday 2024-03-04 from it, Tuesday 2024-03-05 from Monday 17:00.
        let friday = 1_709_251_200_000.0, monday = 1_709_510_400_000.0, tuesday = 1_709_596_800_000.0
        let tradingDays = try #require(plots.first { $0.title == "tradingday" }).values
        let expected = times.indices.map { $0 < 51 ? friday : $0 < 75 ? monday : tuesday }
        #expect(tradingDays == expected)
    }
}
