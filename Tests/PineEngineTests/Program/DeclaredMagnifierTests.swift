import Foundation
import PFTestSupport
import Testing

@testable import PineEngine

/// A strategy declared with `use_bar_magnifier = true` does not run without
/// a magnifier (its trades would differ from TradingView's): the run is
/// refused at the argument, saying what to give; with the real-bar
/// magnifier, an explicit synthetic one, or the declaration turned off, it
/// runs.
@Suite struct DeclaredMagnifierTests {
    /// 15-minute bars over two days, rising 0.1 a bar.
    static func data(in folder: ScratchFolder) throws -> String {
        var lines = ["time,open,high,low,close,volume"]
        for i in 0..<192 {
            let minutes = i * 15
            let time = String(
                format: "2024-01-%02d %02d:%02d:00", 1 + minutes / 1440, minutes % 1440 / 60, minutes % 60)
            let p = 100 + 0.1 * Double(i)
            lines.append("\(time),\(p),\(p + 0.5),\(p - 0.5),\(p + 0.05),1")
        }
        return try folder.write("bars.csv", lines.joined(separator: "\n") + "\n")
    }

    static let declaration = "strategy(\"m\", overlay=true, use_bar_magnifier = true)"

    static func script(in folder: ScratchFolder, declaration: String = declaration) throws -> String {
        try folder.write(
            "m.pine",
            """
            //@version=6
            \(declaration)
            if bar_index == 1
                strategy.entry("L", strategy.long, stop = close + 1)
            """)
    }

    static func run(_ script: String, _ data: String, timeframe: String? = nil, magnifier: String = "off") throws
        -> RunResult
    {
        try SingleRun(SingleRun.Request(scriptPath: script, dataPath: data, timeframe: timeframe, magnifier: magnifier))
            .run()
    }

    /// Located at the argument's value: line 2, 1-based column.
    static func location(_ script: String) throws -> String {
        let column = try #require(declaration.range(of: "use_bar_magnifier = ")).upperBound
        return "\(script):2:\(declaration.distance(from: declaration.startIndex, to: column) + 1): error: "
    }

    @Test func withoutFinerDataTheRunIsRefusedAtTheArgument() throws {
        let folder = try ScratchFolder()
        let script = try Self.script(in: folder)
        let data = try Self.data(in: folder)
        let text = ScriptHarness.failure { try Self.run(script, data) } ?? ""
        #expect(text.hasPrefix(try Self.location(script)), "\(text)")
        #expect(text.contains("use_bar_magnifier = true"), "\(text)")
        #expect(text.contains("no bars finer than the script's timeframe"), "\(text)")
        #expect(text.contains("use_bar_magnifier = false"), "\(text)")
        #expect(!text.contains("\n"), "\(text)")
    }

    @Test func withFinerDataTheRealMagnifierIsAskedFor() throws {
        let folder = try ScratchFolder()
        let script = try Self.script(in: folder)
        let data = try Self.data(in: folder)
        let text = ScriptHarness.failure { try Self.run(script, data, timeframe: "60") } ?? ""
        #expect(text.hasPrefix(try Self.location(script)), "\(text)")
        #expect(text.contains("--magnifier real"), "\(text)")
        // Given, it runs (a stop entry fills on the hourly bars' sub-bars).
        let r = try Self.run(script, data, timeframe: "60", magnifier: "real")
        #expect(r.report.counters.magnifierSubBars > 0)
        #expect(r.report.openTrades.count == 1)
    }

    @Test func anExplicitChoiceRuns() throws {
        let folder = try ScratchFolder()
        let data = try Self.data(in: folder)
        let script = try Self.script(in: folder)
        // A synthetic magnifier is chosen explicitly: it runs.
        #expect(try Self.run(script, data, magnifier: "endpoints").report.openTrades.count == 1)
        // The declaration turned off: fills on the chart's bars, as TradingView would.
        let off = try Self.script(in: folder, declaration: "strategy(\"m\", overlay=true, use_bar_magnifier = false)")
        #expect(try Self.run(off, data).report.openTrades.count == 1)
        // Not declared at all: the default (false).
        let plain = try Self.script(in: folder, declaration: "strategy(\"m\", overlay=true)")
        #expect(try Self.run(plain, data).report.openTrades.count == 1)
    }
}
