@testable import PineEngine
import Testing

/// Pine v6 converts no number to a bool: an int or float used as a
/// condition is a compile error at its location (TradingView refuses the
/// script); version 5 takes a non-zero number as true.
@Suite struct ConditionTypeTests {
    func error(_ body: String, version: Int = 6) -> String? {
        do {
            _ = try PineProgram.compile(source: "//@version=\(version)\nindicator(\"c\")\n" + body, fileName: "c.pine")
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func aNumberAsAConditionIsRefusedInVersion6() {
        #expect(error("x = close - open\nplot(x ? 1 : 0)\n")?.contains("c.pine:4:6: error: a float cannot be used as a condition") == true)
        #expect(error("n = bar_index\nif n\n    n := 2\nplot(n)\n")?.contains("c.pine:4:4: error: an int cannot be used as a condition") == true)
        #expect(error("plot(close > open and volume ? 1 : 0)\n")?.contains("c.pine:3:23") == true)
        #expect(error("plot(not bar_index ? 1 : 0)\n")?.contains("c.pine:3:10") == true)
        #expect(error("i = 0\nwhile i\n    i += 1\nplot(i)\n")?.contains("c.pine:4:7") == true)
    }

    /// A top-level `if` on a variable holding a series, or on a call, is
    /// precomputed for every bar: the same rule holds there.
    @Test func aPrecomputedNumberConditionIsRefusedToo() {
        let variable = "x = close - open\nvar int a = 0\nif x\n    a += 1\nplot(a)\n"
        let call = "var int a = 0\nif ta.change(time(\"D\"))\n    a += 1\nplot(a)\n"
        #expect(error(variable)?.contains("c.pine:5:4: error: a float cannot be used as a condition") == true)
        #expect(error(call)?.contains("c.pine:4:4: error: an int cannot be used as a condition") == true)
        #expect(error(variable, version: 5) == nil)
        #expect(error(call, version: 5) == nil)
    }

    @Test func boolsAndVersion5NumbersAreConditions() {
        #expect(error("x = close - open\nplot(x != 0 ? 1 : 0)\nplot(na(x) ? 1 : 0)\n") == nil)
        #expect(error("x = close - open\nplot(x ? 1 : 0)\n", version: 5) == nil)
    }
}
