import Foundation
import PFData
@testable import PineEngine
import PineLanguage
import Testing

/// Scripts with absurd lengths, offsets, sizes and times: the engine answers with `na` or a
/// one-line error naming the line, never a crash or an unbounded allocation. Lengths are
/// ints (`int(1e300)`): a float length is refused before anything runs, as TradingView does.
@Suite struct HostileInputTests {
    static let expressions = [
        "ta.sma(close, int(1e300))", "ta.ema(close, -5)", "ta.rma(close, 0)", "ta.wma(close, int(1e12))", "ta.hma(close, int(1e300))",
        "ta.vwma(close, int(1e300))", "ta.alma(close, int(1e300), 0.85, 6)", "ta.linreg(close, int(1e300), int(1e300))",
        "ta.rsi(close, int(1e300))", "ta.atr(int(1e300))", "ta.cci(close, int(1e300))", "ta.cmo(close, int(1e300))", "ta.mfi(hlc3, int(1e300))",
        "ta.wpr(int(1e300))", "ta.mom(close, int(1e300))", "ta.roc(close, int(1e300))", "ta.change(close, int(1e300))",
        "ta.highest(high, int(1e300))", "ta.lowest(low, int(-1e300))", "ta.highestbars(high, int(1e12))", "ta.lowestbars(low, int(1e12))",
        "ta.stdev(close, int(1e300))", "ta.dev(close, int(1e300))", "ta.variance(close, int(1e300))",
        "ta.correlation(close, open, int(1e300))", "ta.percentrank(close, int(1e300))", "ta.median(close, int(1e300))",
        "ta.mode(close, int(1e300))", "ta.range(close, int(1e300))", "ta.cog(close, int(1e300))", "ta.rci(close, int(1e300))",
        "ta.percentile_linear_interpolation(close, int(1e300), 50)", "ta.percentile_nearest_rank(close, int(1e300), int(1e300))",
        "ta.stoch(close, high, low, int(1e300))", "ta.valuewhen(close > open, close, int(1e300))",
        "nz(ta.pivothigh(int(1e300), int(1e300)))", "nz(ta.pivotlow(close, int(1e9), int(1e9)))", "math.sum(close, int(1e300))",
        "ta.tsi(close, int(1e300), int(1e300))", "ta.swma(close)", "ta.rising(close, int(1e300)) ? 1 : 0", "ta.falling(close, int(1e12)) ? 1 : 0",
        "close[1e300]", "close[-1]", "hour(1e300)", "dayofweek(-1e300)", "year(1e300, \"UTC\")",
        "timestamp(1e300, 1, 1, 0, 0)", "str.length(str.tostring(int(1e300)))", "str.length(str.tostring(1e308 * 10))",
        "str.length(timeframe.from_seconds(1e300))", "math.round(close, 1e300)", "math.round(close, -1e300)",
        "str.length(str.substring(\"abc\", 1e300))", "str.length(str.format(\"{0}\", 1e300))",
        "int(1e300) + int(-1e300)", "math.pow(10, 400)",
    ]

    static let statements = [
        "a = array.new_float(1e12)\nplot(array.size(a))", "a = array.new_float(-1)\nplot(array.size(a))",
        "a = array.from(1.0, 2.0)\nplot(array.get(a, 1e300))", "a = array.from(1.0, 2.0)\nplot(array.get(a, -1e300))",
        "a = array.from(1.0, 2.0)\nb = array.slice(a, 0, 1e300)\nplot(array.size(b))",
        "var int k = 0\nfor i = 0 to 1e300\n    k += 1\nplot(k)",
        "[m, s, h] = ta.macd(close, int(1e300), int(1e300), int(1e300))\nplot(m)", "[b, u, l] = ta.bb(close, int(1e300), 2)\nplot(b)",
        "[b, u, l] = ta.kc(close, int(1e300), 2)\nplot(b)", "[p, m, adx] = ta.dmi(int(1e300), int(1e300))\nplot(adx)",
        "[st, d] = ta.supertrend(3, int(1e300))\nplot(st)",
    ]

    static func data() throws -> PreparedData {
        try PineParityFeed.prepared(300)
    }

    /// Runs `body`; returns nil when it ran, else the error text (which must name the script).
    static func outcome(_ body: String) throws -> String? {
        let source = "//@version=6\nindicator(\"h\")\n" + body + "\n"
        do {
            let program = try PineProgram.compile(source: source, fileName: "h.pine")
            _ = try ScriptRunner(program: program, data: try data()).run(RunOptions(), recordPlots: true)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: expressions)
    func absurdArgumentsGiveNaOrANamedError(_ expression: String) throws {
        if let message = try Self.outcome("plot(\(expression))") {
            #expect(message.contains("h.pine:3"), "\(expression): \(message)")
            #expect(!message.contains("\n"), "\(expression): one line expected: \(message)")
        }
    }

    @Test(arguments: statements)
    func absurdSizesAndLoopsStopWithANamedError(_ body: String) throws {
        if let message = try Self.outcome(body) {
            #expect(message.contains("h.pine:"), "\(body): \(message)")
        }
    }

    @Test func lengthsBeyondTheLimitAreNa() throws {
        let program = try PineProgram.compile(
            source: "//@version=6\nindicator(\"h\")\nplot(ta.sma(close, int(1e300)), \"a\")\nplot(ta.highest(high, int(1e12)), \"b\")\n",
            fileName: "h.pine")
        let result = try ScriptRunner(program: program, data: try Self.data()).run(RunOptions(), recordPlots: true)
        #expect(result.plots.count == 2)
        for plot in result.plots { #expect(plot.values.allSatisfy { $0.isNaN }, "\(plot.title)") }
    }
}
