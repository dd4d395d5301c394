import Foundation
import PFData
import PineEngine

/// Locates and loads the TradingView strategy fixtures
/// (Tests/Fixtures/tradingview/strategies) and runs their Pine sources.
enum TVStrategyFixtures {
    /// `Tests/Fixtures/tradingview/strategies`, found from this file's path.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TradingView
        .deletingLastPathComponent()  // PineEngineTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures/tradingview/strategies")

    enum FixtureError: Error, CustomStringConvertible {
        case unreadable(String)
        case badBar(String, Int)

        var description: String {
            switch self {
            case .unreadable(let f): return "cannot read fixture \(f)"
            case .badBar(let f, let line): return "\(f): line \(line) is not an OHLCV row"
            }
        }
    }

    static func text(_ name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw FixtureError.unreadable(name) }
        return text
    }

    static func tradeList(_ name: String) throws -> TVTradeList {
        try TVTradeList(csv: text(name))
    }

    /// The bars of an export's OHLCV CSV (`time,open,high,low,close,Volume`,
    /// times with their offset), read without writing a `.ohlcv` beside it.
    static func bars(_ name: String) throws -> BarStore {
        var t: [Int64] = []
        var o: [Double] = []
        var h: [Double] = []
        var l: [Double] = []
        var c: [Double] = []
        var v: [Double] = []
        for (i, line) in try text(name).split(whereSeparator: \.isNewline).enumerated().dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            guard f.count >= 6, let time = TVExportTime.unixMs(f[0]), let op = Double(f[1]), let hi = Double(f[2]),
                let lo = Double(f[3]), let cl = Double(f[4]), let vol = Double(f[5])
            else { throw FixtureError.badBar(name, i + 1) }
            t.append(time)
            o.append(op)
            h.append(hi)
            l.append(lo)
            c.append(cl)
            v.append(vol)
        }
        return BarStore(time: t, open: o, high: h, low: l, close: c, volume: v)
    }

    /// Compiles `pine/<name>.pine` (a compile failure is thrown with its
    /// rendered diagnostics); `edits` replace text in the source first, each
    /// of which must occur (a variant that works around one engine gap).
    static func program(_ name: String, edits: [(String, String)] = []) throws -> PineProgram {
        let file = "pine/\(name).pine"
        var source = try text(file)
        for (old, new) in edits {
            guard source.contains(old) else { throw FixtureError.unreadable("\(file) without '\(old)'") }
            source = source.replacingOccurrences(of: old, with: new)
        }
        return try PineProgram.compile(source: source, fileName: file)
    }
}

/// A compile failure rendered for a test's failure message.
struct TVCompileError: Error, CustomStringConvertible {
    var description: String
}

extension TVStrategyFixtures {
    /// Compiles a strategy, rethrowing a compile failure as its rendered text.
    static func compiled(_ name: String, edits: [(String, String)] = []) throws -> PineProgram {
        do {
            return try program(name, edits: edits)
        } catch let failure as PineCompileFailure {
            throw TVCompileError(description: failure.rendered)
        }
    }

    /// The 1h EURUSD feed of most lists: America/New_York chart, mintick
    /// 0.00001, quantities in steps of 0.1 (the precision of the exports' sizes).
    static func eurusd(_ file: String = "ohlcv.csv") throws -> PreparedData {
        try PreparedData(
            store: bars(file), sourceTimeframe: Timeframe("60"), mintick: 0.00001, pointValue: 1, lotStep: 0.1,
            timezone: "America/New_York")
    }

    /// Runs a strategy and compares its trades with an export.
    static func compare(
        strategy: String, data: PreparedData, trades: String, mintick: Double, options: RunOptions = RunOptions(),
        edits: [(String, String)] = []
    ) throws -> TVComparison {
        let program = try compiled(strategy, edits: edits)
        let runner = try ScriptRunner(program: program, data: data)
        let result = try runner.run(options)
        return TVComparison(report: result.report, expected: try tradeList(trades), mintick: mintick)
    }
}
