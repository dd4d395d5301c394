import Foundation
import Testing

/// `strategy.risk.allow_entry_in` with a direction chosen by an input, set
/// from the command line. On the saw-tooth feed (hourly, close = 100 + i %
/// 20, each bar opening at the previous close) the script enters long on
/// bars i % 20 == 0 (filled at 100) and short on bars i % 20 == 10 (filled
/// at 110); 100 bars give five signals of each kind.
@Suite("pfopt allow_entry_in from an input")
struct AllowEntryInCLITests {
    static let byName = """
        //@version=6
        strategy("side", initial_capital = 10000, default_qty_type = strategy.fixed, default_qty_value = 1)
        side = input.string("all", "Side", options = ["all", "long", "short"])
        strategy.risk.allow_entry_in(side)
        if bar_index % 20 == 0
            strategy.entry("L", strategy.long)
        if bar_index % 20 == 10
            strategy.entry("S", strategy.short)
        """

    /// The form of TradingView's "directed" built-ins: an int input mapped
    /// to a direction by a conditional expression.
    static let byNumber = """
        //@version=6
        strategy("side", initial_capital = 10000, default_qty_type = strategy.fixed, default_qty_value = 1)
        dir = input.int(0, "Direction", minval = -1, maxval = 1)
        strategy.risk.allow_entry_in(dir == 0 ? strategy.direction.all : (dir < 0 ? strategy.direction.short : strategy.direction.long))
        if bar_index % 20 == 0
            strategy.entry("L", strategy.long)
        if bar_index % 20 == 10
            strategy.entry("S", strategy.short)
        """

    /// (closed trades, net profit, closed longs, closed shorts) by direction:
    /// - all: the entries flip the position: L 1-11, S 11-21, ..., L 81-91
    ///   closed, S from 91 still open: 9 trades of +10 (5 long, 4 short);
    /// - long: each S only closes the long: 5 longs of +10;
    /// - short: the first L (flat) does nothing, each later L closes the
    ///   short opened at 110 at 100: 4 shorts of +10, the fifth still open.
    static let expected: [(set: String, trades: Int, net: Double, longs: Int, shorts: Int)] = [
        ("all", 9, 90, 5, 4), ("long", 5, 50, 5, 0), ("short", 4, 40, 0, 4),
    ]

    static func summary(_ stdout: String) -> (trades: Int?, net: Double?, longs: Int?, shorts: Int?) {
        let json = (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any]
        func section(_ name: String) -> [String: Any]? { json?[name] as? [String: Any] }
        return (
            section("all")?["num_trades"] as? Int, section("all")?["net_profit"] as? Double,
            section("longs")?["num_trades"] as? Int, section("shorts")?["num_trades"] as? Int
        )
    }

    @Test("--set chooses the direction (a string input, and an int input mapped by a conditional)")
    func directionFromAnInput() throws {
        let scratch = try ScratchFolder(label: "pfopt-allow-entry-in")
        defer { scratch.remove() }
        let feed = try scratch.writeFeed(count: 100)
        let named = try scratch.write("named.pine", Self.byName)
        let numbered = try scratch.write("numbered.pine", Self.byNumber)
        let numberFor = ["all": "0", "long": "1", "short": "-1"]
        for e in Self.expected {
            for (script, setting) in [(named, "side=\(e.set)"), (numbered, "dir=\(numberFor[e.set] ?? "")")] {
                let r = try CLIProcess.run(["run", script, "--data", feed, "--set", setting, "--json"])
                #expect(r.status == 0, "\(setting): \(r.stderr)")
                let s = Self.summary(r.stdout)
                #expect(s.trades == e.trades, "\(setting)")
                #expect(abs((s.net ?? .nan) - e.net) < 1e-9, "\(setting)")
                #expect(s.longs == e.longs && s.shorts == e.shorts, "\(setting)")
            }
        }
    }

    @Test("a direction that can change from bar to bar is refused where it is written")
    func seriesDirectionIsRefused() throws {
        let scratch = try ScratchFolder(label: "pfopt-allow-entry-in")
        defer { scratch.remove() }
        let feed = try scratch.writeFeed(count: 50)
        let script = try scratch.write(
            "series.pine",
            """
            //@version=6
            strategy("side")
            strategy.risk.allow_entry_in(close > open ? strategy.direction.long : strategy.direction.short)
            """)
        let r = try CLIProcess.run(["run", script, "--data", feed])
        #expect(r.status == 1)
        #expect(r.errorLines.first?.hasPrefix("\(script):3:30: error: strategy.risk.allow_entry_in() needs") == true)
        // A variable reassigned on some bar is not known before the first bar either.
        let reassigned = try scratch.write(
            "reassigned.pine",
            """
            //@version=6
            strategy("side")
            side = input.string("all", "Side")
            if close > open
                side := "long"
            strategy.risk.allow_entry_in(side)
            """)
        let r2 = try CLIProcess.run(["run", reassigned, "--data", feed])
        #expect(r2.status == 1)
        #expect(r2.errorLines.first?.hasPrefix("\(reassigned):6:30: error: strategy.risk.allow_entry_in() needs") == true)
        // A string that names no direction is refused, located, when the run reads it.
        let free = try scratch.write(
            "free.pine",
            """
            //@version=6
            strategy("side")
            side = input.string("all", "Side")
            strategy.risk.allow_entry_in(side)
            """)
        let other = try CLIProcess.run(["run", free, "--data", feed, "--set", "side=up"])
        #expect(other.status == 1)
        #expect(other.errorLines.first?.contains("free.pine:4:30: runtime error: strategy.risk.allow_entry_in(): \"up\"") == true)
    }
}
