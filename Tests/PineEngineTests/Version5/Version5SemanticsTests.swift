import PFData
@testable import PineEngine
import Testing

/// Version 5 scripts run with version 5 rules where they differ from version 6.
@Suite struct Version5SemanticsTests {
    /// Closes that cross their short average up and down several times; the
    /// open alternates above and below the close.
    static let closes: [Double] = [10, 9, 8, 9, 11, 12, 11, 9, 8, 10, 12, 13, 12, 10, 9, 11, 13, 14, 12, 10]
    static let opens: [Double] = closes.indices.map { closes[$0] + ($0 % 2 == 0 ? 0.5 : -0.5) }

    static let bars = ScriptHarness.bars(closes: closes, opens: opens, spread: 1)

    func plots(_ source: String) throws -> [String: [Double]] {
        try ScriptHarness.plots(source, bars: Self.bars)
    }

    /// The simple moving average of `xs` over `n` values at every index (nan before the window fills).
    static func sma(_ xs: [Double], _ n: Int) -> [Double] {
        xs.indices.map { i in i + 1 < n ? .nan : xs[(i + 1 - n)...i].reduce(0, +) / Double(n) }
    }

    /// `ta.crossover(a, b)` evaluated on the bars in `evaluated` only: each call
    /// compares with the values of the previous call.
    static func crossover(_ a: [Double], _ b: [Double], evaluated: [Bool]) -> [Bool] {
        var prev: (Double, Double)? = nil
        var out = Array(repeating: false, count: a.count)
        for i in a.indices where evaluated[i] {
            if let (pa, pb) = prev { out[i] = a[i] > b[i] && pa <= pb }
            prev = (a[i], b[i])
        }
        return out
    }

    static let up: [Bool] = closes.indices.map { closes[$0] > opens[$0] }

    @Test func version5EvaluatesBothOperandsOfAnd() throws {
        // The averages are read through a variable reassigned per bar, so the
        // crossover cannot be precomputed over all bars: its state depends on
        // which bars call it.
        let body = """
            indicator("t")
            var float fast = na
            var float slow = na
            fast := ta.sma(close, 2)
            slow := ta.sma(close, 5)
            cond = close > open and ta.crossover(fast, slow)
            plot(cond ? 1 : 0, "c")
            """
        let fast = Self.sma(Self.closes, 2)
        let slow = Self.sma(Self.closes, 5)
        let every = Self.crossover(fast, slow, evaluated: Array(repeating: true, count: fast.count))
        let v5 = zip(Self.up, every).map { $0 && $1 ? 1.0 : 0.0 }
        let onlyUp = Self.crossover(fast, slow, evaluated: Self.up)
        let v6 = zip(Self.up, onlyUp).map { $0 && $1 ? 1.0 : 0.0 }
        #expect(v5 != v6, "the bar sequence must tell the two rules apart")
        #expect(try plots("//@version=5\n" + body)["c"] == v5)
        #expect(try plots("//@version=6\n" + body)["c"] == v6)
    }

    @Test func version5EvaluatesBothOperandsOfOr() throws {
        let body = """
            indicator("t")
            var float fast = na
            var float slow = na
            fast := ta.sma(close, 2)
            slow := ta.sma(close, 5)
            cond = close <= open or ta.crossover(fast, slow)
            plot(cond ? 1 : 0, "c")
            """
        let fast = Self.sma(Self.closes, 2)
        let slow = Self.sma(Self.closes, 5)
        let every = Self.crossover(fast, slow, evaluated: Array(repeating: true, count: fast.count))
        let v5 = zip(Self.up, every).map { !$0 || $1 ? 1.0 : 0.0 }
        let onlyUp = Self.crossover(fast, slow, evaluated: Self.up)
        let v6 = zip(Self.up, onlyUp).map { !$0 || $1 ? 1.0 : 0.0 }
        #expect(v5 != v6, "the bar sequence must tell the two rules apart")
        #expect(try plots("//@version=5\n" + body)["c"] == v5)
        #expect(try plots("//@version=6\n" + body)["c"] == v6)
    }

    @Test func pureOperandsGiveTheSameCrossoverInBothVersions() throws {
        // The brief's own form: the crossover of two pure averages.
        let body = """
            indicator("t")
            cond = close > open and ta.crossover(ta.sma(close, 2), ta.sma(close, 5))
            plot(cond ? 1 : 0, "c")
            """
        let every = Self.crossover(
            Self.sma(Self.closes, 2), Self.sma(Self.closes, 5), evaluated: Array(repeating: true, count: Self.closes.count))
        let v5 = zip(Self.up, every).map { $0 && $1 ? 1.0 : 0.0 }
        #expect(try plots("//@version=5\n" + body)["c"] == v5)
    }
    @Test func constantIntegerDivisionTruncatesInVersion5Only() throws {
        let body = """
            indicator("t")
            plot(7 / 2, "a")
            plot(1 / 2, "b")
            plot(7.0 / 2, "c")
            plot(close / 2, "d")
            """
        let n = Self.closes.count
        let v5 = try plots("//@version=5\n" + body)
        #expect(v5["a"] == Array(repeating: 3, count: n))
        #expect(v5["b"] == Array(repeating: 0, count: n))
        #expect(v5["c"] == Array(repeating: 3.5, count: n))
        #expect(v5["d"] == Self.closes.map { $0 / 2 })
        let v6 = try plots("//@version=6\n" + body)
        #expect(v6["a"] == Array(repeating: 3.5, count: n))
        #expect(v6["b"] == Array(repeating: 0.5, count: n))
    }
}

/// `timeframe.period`: version 5 leaves out a multiplier of 1 before a unit
/// letter ("D", "W", "M"), version 6 always writes it ("1D"); minutes are the
/// same in both.
@Suite struct Version5TimeframePeriodTests {
    func period(version: Int, timeframe: String, stepMs: Int64) throws -> [String: [Double]] {
        let n = 5
        let closes = (0..<n).map { 10 + Double($0) }
        let store = ScriptHarness.bars(closes: closes, spread: 1, stepMs: stepMs)
        let source = """
            //@version=\(version)
            indicator("t")
            plot(timeframe.period == "D" ? 1 : 0, "D")
            plot(timeframe.period == "1D" ? 1 : 0, "1D")
            plot(timeframe.period == "W" ? 1 : 0, "W")
            plot(timeframe.period == "1W" ? 1 : 0, "1W")
            plot(timeframe.period == "2D" ? 1 : 0, "2D")
            plot(timeframe.period == "15" ? 1 : 0, "15")
            """
        return try ScriptHarness.plots(source, bars: store, timeframe: timeframe)
    }

    static let yes = Array(repeating: 1.0, count: 5)
    static let no = Array(repeating: 0.0, count: 5)
    static let day: Int64 = 86_400_000

    @Test func dailyChart() throws {
        let v5 = try period(version: 5, timeframe: "1D", stepMs: Self.day)
        #expect(v5["D"] == Self.yes && v5["1D"] == Self.no)
        let v6 = try period(version: 6, timeframe: "1D", stepMs: Self.day)
        #expect(v6["D"] == Self.no && v6["1D"] == Self.yes)
    }

    @Test func weeklyChart() throws {
        let v5 = try period(version: 5, timeframe: "1W", stepMs: 7 * Self.day)
        #expect(v5["W"] == Self.yes && v5["1W"] == Self.no)
        let v6 = try period(version: 6, timeframe: "1W", stepMs: 7 * Self.day)
        #expect(v6["W"] == Self.no && v6["1W"] == Self.yes)
    }

    @Test func aMultiplierAboveOneAndMinutesAreTheSameInBothVersions() throws {
        for version in [5, 6] {
            #expect(try period(version: version, timeframe: "2D", stepMs: 2 * Self.day)["2D"] == Self.yes)
            #expect(try period(version: version, timeframe: "15", stepMs: 15 * 60_000)["15"] == Self.yes)
        }
    }
}
