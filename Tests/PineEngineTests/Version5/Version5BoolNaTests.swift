import PFData
@testable import PineEngine
import Testing

/// Version 5 bools have a third state, `na`: a bool's history before the
/// first bar, the `na` literal given to a bool, a ternary choosing `na`.
/// `na()`, `nz()` and `fixnan()` see it; as a condition it is false.
@Suite struct Version5BoolNaTests {
    static let closes: [Double] = [10, 9, 8, 9, 11, 12, 11, 9, 8, 10, 12, 13]
    /// The open alternates above and below the close: bar 0 is down, bar 1 up...
    static let opens: [Double] = closes.indices.map { closes[$0] + ($0 % 2 == 0 ? 0.5 : -0.5) }
    static let up: [Bool] = closes.indices.map { closes[$0] > opens[$0] }
    static var n: Int { closes.count }

    static let bars = ScriptHarness.bars(closes: closes, opens: opens, spread: 1)

    func plots(_ source: String) throws -> [String: [Double]] {
        try ScriptHarness.plots(source, bars: Self.bars)
    }

    func failure(_ source: String) -> PineCompileFailure? {
        do {
            _ = try PineProgram.compile(source: source, fileName: "t.pine")
            return nil
        } catch let f as PineCompileFailure {
            return f
        } catch {
            return nil
        }
    }

    static func flags(_ xs: [Bool]) -> [Double] { xs.map { $0 ? 1 : 0 } }

    @Test func historyBeforeTheFirstBarIsNa() throws {
        let p = try plots("""
            //@version=5
            indicator("t")
            b = false
            b := bar_index % 2 == 1 ? true : false
            plot(na(b[1]) ? 1 : 0, "h1")
            plot(na(b[3]) ? 1 : 0, "h3")
            plot(b[1] ? 1 : 0, "read")
            plot(nz(b[1], true) ? 1 : 0, "nz")
            """)
        // b[k] is na on the first k bars only.
        #expect(p["h1"] == Self.flags((0..<Self.n).map { $0 < 1 }))
        #expect(p["h3"] == Self.flags((0..<Self.n).map { $0 < 3 }))
        // As a condition na is false; b[1] is the previous bar's parity.
        #expect(p["read"] == Self.flags((0..<Self.n).map { $0 >= 1 && ($0 - 1) % 2 == 1 }))
        // nz() replaces na (bar 0) with its second argument.
        #expect(p["nz"] == Self.flags((0..<Self.n).map { $0 == 0 || ($0 - 1) % 2 == 1 }))
    }

    @Test func aBoolGivenNaIsNaAndFalseAsACondition() throws {
        let p = try plots("""
            //@version=5
            indicator("t")
            bool x = na
            plot(na(x) ? 1 : 0, "na")
            plot(x ? 1 : 0, "cond")
            plot(not x ? 1 : 0, "not")
            plot(nz(x) ? 1 : 0, "nz")
            plot(nz(x, true) ? 1 : 0, "nzTrue")
            """)
        #expect(p["na"] == Array(repeating: 1, count: Self.n))
        #expect(p["cond"] == Array(repeating: 0, count: Self.n))
        #expect(p["not"] == Array(repeating: 1, count: Self.n))
        #expect(p["nz"] == Array(repeating: 0, count: Self.n))
        #expect(p["nzTrue"] == Array(repeating: 1, count: Self.n))
    }

    @Test func aTernaryChoosingNaIsNa() throws {
        let p = try plots("""
            //@version=5
            indicator("t")
            t = close > open ? true : na
            plot(na(t) ? 1 : 0, "na")
            plot(t ? 1 : 0, "cond")
            plot(fixnan(t) ? 1 : 0, "fixnan")
            """)
        #expect(p["na"] == Self.flags(Self.up.map { !$0 }))
        #expect(p["cond"] == Self.flags(Self.up))
        // fixnan: the last value that was not na; t is only ever true or na,
        // so it is true from the first up bar on (false before: nothing yet).
        let firstUp = Self.up.firstIndex(of: true) ?? Self.n
        #expect(p["fixnan"] == Self.flags((0..<Self.n).map { $0 >= firstUp }))
    }

    @Test func latchedConditionLikeTheKeltnerStrategy() throws {
        // A flag set on a signal and carried from the previous bar, starting
        // false where the previous bar does not exist (na).
        let p = try plots("""
            //@version=5
            indicator("t")
            signal = close > open and close > 10
            flag = false
            flag := signal ? true : na(flag[1]) ? false : flag[1]
            plot(flag ? 1 : 0, "flag")
            """)
        var expected: [Bool] = []
        for i in 0..<Self.n {
            let signal = Self.up[i] && Self.closes[i] > 10
            expected.append(signal ? true : (i == 0 ? false : expected[i - 1]))
        }
        #expect(p["flag"] == Self.flags(expected))
    }

    @Test func aComparisonIsNeverNaAndItsHistoryIsNaBeforeTheFirstBar() throws {
        // A comparison with an na operand is false, not na; `and`/`or`/`not` of
        // such values are never na either. Its history before the first bar is na.
        let p = try plots("""
            //@version=5
            indicator("t")
            c = close > open
            a = close > open
            b = a
            plot(na(c[1]) ? 1 : 0, "past")
            plot(na(close > open) ? 1 : 0, "inline")
            plot(na(close[1] > open[1]) ? 1 : 0, "naOperand")
            plot(nz(close[1] > open[1], true) ? 1 : 0, "nzNaOperand")
            plot(na(b) ? 1 : 0, "copied")
            plot(na(close > open and not (close < open[1] or false)) ? 1 : 0, "logic")
            plot(fixnan(close[1] < open) ? 1 : 0, "fixnan")
            """)
        let never = [Double](repeating: 0, count: Self.n)
        #expect(p["past"] == Self.flags((0..<Self.n).map { $0 == 0 }))
        #expect(p["inline"] == never)
        #expect(p["naOperand"] == never)
        // Bar 0: close[1] is na, so the comparison is false (not na): nz keeps false.
        #expect(p["nzNaOperand"] == Self.flags((0..<Self.n).map { $0 > 0 && Self.up[$0 - 1] }))
        #expect(p["copied"] == never)
        #expect(p["logic"] == never)
        #expect(p["fixnan"] == Self.flags((0..<Self.n).map { $0 > 0 && Self.closes[$0 - 1] < Self.opens[$0] }))
    }

    @Test func naOfABoolWhoseNaIsNotKnownExactlyIsRefusedWhereItIsStored() throws {
        // A function's result: its na is not followed.
        let f = failure("""
            //@version=5
            strategy("t")
            up() => close > open
            c = up()
            if na(c[1])
                strategy.entry("L", strategy.long)
            """)
        #expect(f?.errors.first?.line == 4)
        #expect(f?.description.contains("version 5 may make it na") == true)
        // `and` of a variable, which may hold na.
        let combined = failure("//@version=5\nindicator(\"t\")\nbool a = na\nb = a and close > 0\nplot(na(b) ? 1 : 0)")
        #expect(combined?.errors.first?.line == 4)
        let compared = failure("//@version=5\nindicator(\"t\")\nb = true\nc = false\nplot(b[1] == c ? 1 : 0)")
        #expect(compared?.errors.first?.line == 5)
        #expect(compared?.description.contains("may be na") == true)
        // A variable given na, compared with another variable: refused where compared.
        let variable = failure("//@version=5\nindicator(\"t\")\nbool b = na\nc = close > open\nplot(b == c ? 1 : 0)")
        #expect(variable?.errors.first?.line == 5)
    }

    @Test func naIsEqualToNeitherTrueNorFalse() throws {
        // The manual: "The boolean na value is not considered equal to false when compared using ==".
        let p = try plots("""
            //@version=5
            indicator("t")
            b = false
            b := bar_index % 2 == 1 ? true : false
            plot(b[1] == false ? 1 : 0, "eqFalse")
            plot(b[1] == true ? 1 : 0, "eqTrue")
            plot(b[1] != false ? 1 : 0, "neFalse")
            c = close > open
            plot(b == c ? 1 : 0, "vars")
            """)
        let previousOdd = (0..<Self.n).map { $0 >= 1 && ($0 - 1) % 2 == 1 }
        let previousEven = (0..<Self.n).map { $0 >= 1 && ($0 - 1) % 2 == 0 }
        #expect(p["eqFalse"] == Self.flags(previousEven))
        #expect(p["eqTrue"] == Self.flags(previousOdd))
        #expect(p["neFalse"] == Self.flags(previousEven.map { !$0 }))
        // Two variables that never hold na compare as plain bools.
        #expect(p["vars"] == Self.flags((0..<Self.n).map { ($0 % 2 == 1) == Self.up[$0] }))
    }

    @Test func version6RefusesNaForABool() throws {
        // Version 6 bools are true or false: giving one na is a compile error.
        let declared = "//@version=6\nindicator(\"t\")\nbool x = na\nplot(x ? 1 : 0)\n"
        #expect(throws: PineCompileFailure.self) { try PineProgram.compile(source: declared, fileName: "t.pine") }
        do {
            _ = try PineProgram.compile(source: declared, fileName: "t.pine")
        } catch let failure as PineCompileFailure {
            #expect(failure.errors.map { "\($0.line):\($0.column)" } == ["3:10"])
        }
        let assigned = "//@version=6\nindicator(\"t\")\nbool y = true\ny := na\nplot(y ? 1 : 0)\n"
        #expect(throws: PineCompileFailure.self) { try PineProgram.compile(source: assigned, fileName: "t.pine") }
    }
}

extension Version5BoolNaTests {
    @Test func anIfWithoutElseGivesNaWhereNoBranchIsTaken() throws {
        // The manual's example: `bool isLong = if ... true else if ... false`
        // is na where neither condition holds.
        let p = try plots("""
            //@version=5
            indicator("t")
            bool isLong = if close > 10
                true
            else if close < 9
                false
            plot(na(isLong) ? 1 : 0, "na")
            plot(isLong ? 1 : 0, "cond")
            s = switch
                close > 10 => true
            plot(na(s) ? 1 : 0, "switchNa")
            """)
        #expect(p["na"] == Self.flags(Self.closes.map { !($0 > 10) && !($0 < 9) }))
        #expect(p["cond"] == Self.flags(Self.closes.map { $0 > 10 }))
        #expect(p["switchNa"] == Self.flags(Self.closes.map { !($0 > 10) }))
    }
}
