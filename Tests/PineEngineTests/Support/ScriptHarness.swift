import PFData
import PineLanguage
@testable import PineEngine

/// Compiles a Pine script and runs it over a few bars, for the tests that
/// read what it plots or the error it stops with.
enum ScriptHarness {
    /// Bars one `stepMs` apart from time 0 whose close is `closes`; the open is
    /// `opens` (default: the close), the high and low `spread` away from the
    /// close, the volume 100.
    static func bars(closes: [Double], opens: [Double]? = nil, spread: Double = 0.5, stepMs: Int64 = 60_000) -> BarStore {
        BarStore(
            time: closes.indices.map { Int64($0) * stepMs }, open: opens ?? closes, high: closes.map { $0 + spread },
            low: closes.map { $0 - spread }, close: closes, volume: Array(repeating: 100, count: closes.count))
    }

    /// `//@version=N`, the declaration, then `body`.
    static func source(_ body: String, declaration: String = "indicator(\"t\")", version: Int = 6) -> String {
        "//@version=\(version)\n\(declaration)\n" + body
    }

    /// Compiles `source` (named `fileName` in errors) and runs it over `data`, recording plots.
    static func run(
        _ source: String, fileName: String = "t.pine", data: PreparedData, options: RunOptions = RunOptions()
    ) throws -> RunResult {
        let program = try PineProgram.compile(source: source, fileName: fileName)
        return try ScriptRunner(program: program, data: data).run(options, recordPlots: true)
    }

    /// Compiles `source` and runs it over `bars` on `timeframe`, recording plots.
    static func run(
        _ source: String, fileName: String = "t.pine", bars: BarStore, timeframe: String = "1",
        options: RunOptions = RunOptions()
    ) throws -> RunResult {
        try run(source, fileName: fileName, data: PreparedData(store: bars, sourceTimeframe: Timeframe(timeframe)), options: options)
    }

    /// Each plot's values by title.
    static func plots(
        _ source: String, fileName: String = "t.pine", bars: BarStore, timeframe: String = "1",
        options: RunOptions = RunOptions()
    ) throws -> [String: [Double]] {
        try run(source, fileName: fileName, bars: bars, timeframe: timeframe, options: options).plotSeries
    }

    /// The error `body` stops with (at compile or run time), as printed; nil when it ran.
    static func failure(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// True when `a` has `b`'s length and each value is `na` where `b`'s is and
    /// otherwise within `tolerance` of it.
    static func same(_ a: [Double]?, _ b: [Double], tolerance: Double = 1e-9) -> Bool {
        guard let a, a.count == b.count else { return false }
        return zip(a, b).allSatisfy { $0.isNaN ? $1.isNaN : abs($0 - $1) <= tolerance }
    }
}
