import Testing

@testable import PineLanguage

/// A call that keeps a history (`ta.*`, or a user function calling one) in
/// code that does not run on every bar is warned about, where the call is.
@Suite struct ConsistencyCheckTests {
    /// The line:column of each warning for `body` under `//@version=N`.
    func warned(_ body: String, version: Int = 6) -> [String] {
        let source = "//@version=\(version)\nindicator(\"c\")\n" + body
        let checked = PineFrontEnd.check(source: source, fileName: "c.pine")
        return ConsistencyCheck.warnings(in: checked.script).map { "\($0.range.start.line):\($0.range.start.column)" }
    }

    @Test func callsOnEveryBarAreNotWarned() {
        #expect(warned("x = ta.sma(close, 3)\nplot(x)\n").isEmpty)
        // A function's own top level runs whenever it is called.
        #expect(warned("f(n) =>\n    ta.ema(close, n)\nplot(f(3))\n").isEmpty)
        // A ternary's condition runs on every bar; ta.tr reads only the bar and the previous close.
        #expect(warned("plot(ta.rising(close, 2) ? 1 : 0)\nplot(close > open ? ta.tr(true) : 0)\n").isEmpty)
    }

    @Test func callsInCodeThatDoesNotRunOnEveryBarAreWarned() {
        // An if body (line 4), a ternary arm (line 5, column 25), a loop body (line 7).
        let body = """
            var float a = na
            if close > open
                a := ta.sma(close, 3)
            b = close > open ? 1 : ta.ema(close, 3)
            for i = 0 to 2
                a := ta.highest(high, 3)
            plot(a + b)
            """
        #expect(warned(body) == ["5:10", "6:24", "8:10"])
    }

    /// A branch chosen by an input (or a literal) runs on every bar or on
    /// none: no warning there; a later branch after a per-bar test still is.
    @Test func branchesChosenByInputsAreNotWarned() {
        let body = """
            style = input.string("ATR", "Bands", options = ["ATR", "TR"])
            useEma = input.bool(true, "EMA")
            len = 14
            r = style == "ATR" ? ta.atr(len) : ta.rma(high - low, len)
            var float m = na
            if useEma and len > 2
                m := ta.ema(close, len)
            else if close > open
                m := ta.sma(close, len)
            plot(r + m)
            """
        #expect(warned(body) == ["11:10"])
    }

    /// Version 6 stops `and`/`or` early, so their right operand may not run;
    /// version 5 runs both operands on every bar.
    @Test func theRightOperandOfAndIsConditionalInVersion6Only() {
        let body = "c = close > open and ta.crossover(close, ta.sma(close, 3))\nplot(c ? 1 : 0)\n"
        #expect(warned(body) == ["3:22", "3:42"])
        #expect(warned(body, version: 5).isEmpty)
    }

    /// A user function calling ta.* (directly or through another) is warned
    /// at its call in an if; one that calls none is not.
    @Test func userFunctionsThatKeepAHistory() {
        let body = """
            g(x) => ta.sma(x, 2)
            f(x) => g(x) * 2
            h(x) => x * 2
            var float a = na
            if close > open
                a := f(close) + h(close)
            plot(a)
            """
        #expect(warned(body) == ["8:10"])
    }
}
