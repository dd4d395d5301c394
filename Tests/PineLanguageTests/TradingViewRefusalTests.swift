import Testing
@testable import PineLanguage

/// Scripts TradingView refuses to compile are refused by the checker with
/// the spot named; the nearby forms TradingView accepts are not. Each
/// script is two header lines (`//@version`, the declaration), so the
/// body's first line is line 3.
@Suite struct TradingViewRefusalTests {
    private func messages(_ body: String, version: Int = 6) -> [String] {
        PineFrontEnd.check(source: "//@version=\(version)\nindicator(\"t\")\n" + body, fileName: "t.pine")
            .diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    @Test func outputsOnlyInTheGlobalScope() {
        let inIf = messages("if close > open\n    plot(close)")
        #expect(inIf.count == 1)
        #expect(inIf.first?.hasPrefix("4:5: error: 'plot' cannot be used in a local scope") == true)
        let inFunction = messages("f(x) =>\n    plotshape(x > 0)\n    x\nplot(f(close))")
        #expect(inFunction.first?.hasPrefix("4:5: error: 'plotshape' cannot be used in a local scope") == true)
        let inLoop = messages("for i = 0 to 2\n    bgcolor(color.red)")
        #expect(inLoop.first?.hasPrefix("4:5: error: 'bgcolor' cannot be used in a local scope") == true)
        for name in ["barcolor(color.red)", "hline(1)", "alertcondition(close > open)", "plotchar(close > open)"] {
            #expect(messages("if close > open\n    \(name)").count == 1, "\(name)")
        }
        // At the top level, and drawings or alerts in a local block, are accepted.
        #expect(messages("plot(close > open ? close : na)\nbgcolor(close > open ? color.red : na)").isEmpty)
        #expect(messages("if close > open\n    label.new(bar_index, high, \"x\")\n    alert(\"x\")").isEmpty)
    }

    @Test func version6BoolsAreNeverNa() {
        #expect(messages("bool b = na\nplot(close)") == ["3:10: error: 'b' is a bool, and a bool cannot be na in Pine v6: give it true or false"])
        #expect(messages("var bool b = na\nplot(close)").count == 1)
        #expect(messages("b = close > open\nb := na\nplot(close)") == ["4:6: error: 'b' is a bool, and a bool cannot be na in Pine v6: give it true or false"])
        // Version 5 bools may be na; a float may be na in either version.
        #expect(messages("bool b = na\nb := na\nplot(close)", version: 5).isEmpty)
        #expect(messages("float f = na\nf := na\nplot(f)").isEmpty)
        // A local variable of another type shadowing the bool is not refused.
        #expect(messages("b = true\nif close > open\n    float b = na\n    b := na\nplot(close)").isEmpty)
    }

    @Test func integerParametersRefuseCertainFloats() {
        let literal = messages("plot(ta.sma(close, 10.5))")
        #expect(literal == ["3:20: error: ta.sma's 'length' takes an int, and this value is a float: make it an int (int(x), math.round(x), input.int)"])
        #expect(messages("len = input.float(14.0)\nplot(ta.ema(close, len))").count == 1)
        #expect(messages("float len = 14\nplot(ta.highest(high, len))").count == 1)
        #expect(messages("len = 2.0 * 7\nplot(ta.rsi(close, length = len))").count == 1)
        #expect(messages("[a, b, c] = ta.macd(close, 12, 26.0, 9)\nplot(a)").count == 1)
        // An int, or a value whose type the checker cannot be sure of, is accepted.
        #expect(messages("plot(ta.sma(close, 10))").isEmpty)
        #expect(messages("len = input.int(14)\nplot(ta.ema(close, len * 2))").isEmpty)
        #expect(messages("f = input.float(14.0)\nplot(ta.ema(close, math.round(f)))").isEmpty)
        #expect(messages("f = input.float(14.0)\nplot(ta.ema(close, int(f)))").isEmpty)
        // Float parameters take a float.
        #expect(messages("plot(ta.alma(close, 9, 0.85, 6.0))").isEmpty)
        #expect(messages("[m, u, l] = ta.bb(close, 20, 2.5)\nplot(m)").isEmpty)
        #expect(messages("[s, d] = ta.supertrend(3.0, 10)\nplot(s)").isEmpty)
    }
}
