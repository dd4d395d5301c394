import Foundation
import Testing

/// `pfopt inspect` refuses every script `pfopt run` refuses before its first
/// bar, with the same located message: the checks that only the engine's
/// compiler makes (a number used as a condition, the history of a tuple) and
/// the declared strategy properties included.
@Suite("pfopt inspect refuses what run refuses")
struct InspectCLITests {
    /// A refused script: its text, and the line and column the error names
    /// (counted by hand in the text) with the start of the message.
    struct Refusal: Sendable, CustomStringConvertible {
        var name: String
        var script: String
        var line: Int
        var column: Int
        var message: String
        var description: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(
            name: "float-condition",
            script: "//@version=6\nstrategy(\"x\")\nf = close * 1.5\nif f\n    strategy.entry(\"L\", strategy.long)\n",
            line: 4, column: 4, message: "error: a float cannot be used as a condition"),
        Refusal(
            name: "int-condition",
            script: "//@version=6\nstrategy(\"x\")\nn = bar_index % 3\nx = n ? 1 : 2\nplot(x)\n",
            line: 4, column: 5, message: "error: an int cannot be used as a condition"),
        Refusal(
            name: "tuple-history",
            script: "//@version=6\nstrategy(\"x\")\n[a, b] = ta.supertrend(3, 10)[1]\nplot(a)\n",
            line: 3, column: 10, message: "error: history of a [float, float] value is not supported yet"),
    ]

    @Test("inspect fails with run's first error line", arguments: refusals)
    func sameRefusal(_ refusal: Refusal) throws {
        let scratch = try ScratchFolder(label: "pfopt-inspect")
        defer { scratch.remove() }
        let script = try scratch.write("\(refusal.name).pine", refusal.script)
        let feed = try scratch.writeFeed(count: 50)
        let inspected = try CLIProcess.run(["inspect", script])
        let ran = try CLIProcess.run(["run", script, "--data", feed])
        #expect(inspected.status == 1, "\(inspected.stdout)")
        #expect(ran.status == 1)
        let expected = "\(script):\(refusal.line):\(refusal.column): \(refusal.message)"
        #expect(inspected.errorLines.first?.hasPrefix(expected) == true, "\(inspected.stderr)")
        #expect(inspected.errorLines.first == ran.errorLines.first)
        #expect(inspected.stdout.isEmpty)
    }

    @Test("inspect refuses the strategy properties run refuses")
    func refusedProperties() throws {
        let scratch = try ScratchFolder(label: "pfopt-inspect")
        defer { scratch.remove() }
        let script = try scratch.write(
            "both.pine",
            "//@version=6\nstrategy(\"x\", calc_on_order_fills = true, process_orders_on_close = true)\nplot(close)\n")
        let feed = try scratch.writeFeed(count: 50)
        let inspected = try CLIProcess.run(["inspect", script])
        let ran = try CLIProcess.run(["run", script, "--data", feed])
        #expect(ran.status == 1)
        #expect(inspected.status == 1)
        #expect(inspected.errorLines.first == ran.errorLines.first)
        #expect(inspected.errorLines.first?.contains("calc_on_order_fills") == true, "\(inspected.stderr)")
    }
}
