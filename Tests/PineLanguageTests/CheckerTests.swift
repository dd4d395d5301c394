import Testing
@testable import PineLanguage

@Suite struct CheckerTests {
    static var validNames: [String] { (try? Fixtures.files(in: "valid")) ?? [] }

    private func check(_ body: String, kind: String = "strategy") -> CheckedScript {
        PineFrontEnd.check(source: "//@version=6\n\(kind)(\"t\")\n" + body, fileName: "t.pine")
    }

    private func messages(_ body: String, kind: String = "strategy") -> [String] {
        check(body, kind: kind).diagnostics.map(\.description)
    }

    @Test func validFixturesArePresent() {
        #expect(Self.validNames.count == 6)
    }

    @Test(arguments: validNames)
    func validScriptsCheckCleanly(_ name: String) throws {
        let checked = PineFrontEnd.check(source: try Fixtures.text("valid/" + name), fileName: name)
        #expect(checked.diagnostics.isEmpty, "\(checked.renderedDiagnostics)")
        #expect(checked.declaration?.kind == .strategy)
        #expect(!checked.inputs.isEmpty)
    }

    @Test func tradingViewStrategyInputs() throws {
        let keltner = PineFrontEnd.check(source: try Fixtures.text("valid/keltner-strategy.pine"), fileName: "k.pine")
        #expect(keltner.inputs.map(\.name) == ["length", "mult", "src", "exp", "BandsStyle", "atrlength"])
        #expect(keltner.inputs.map(\.kind) == [.int, .float, .source, .bool, .string, .int])
        #expect(keltner.input(named: "Bands Style")?.options.count == 3)
        let sink = PineFrontEnd.check(source: try Fixtures.text("valid/kitchen-sink.pine"), fileName: "s.pine")
        // group given through a script constant.
        #expect(sink.input(named: "src")?.group == "Signals")
        #expect(sink.input(named: "startTime")?.defaultValue == .int(1_704_067_200_000))
        #expect(sink.declaration?["close_entries_rule"] == .string("ANY"))
        #expect(sink.declaration?["commission_type"] == .constant("strategy.commission.cash_per_contract"))
        #expect(sink.declaration?["use_bar_magnifier"] == .bool(true))
    }

    @Test func scopes() {
        #expect(messages("if close > open\n    a = 1\nb = a").map { $0 } == ["5:5: error: undeclared identifier 'a'"])
        #expect(messages("a = 1\nif close > open\n    a = 2").isEmpty)  // shadowing in an inner scope is allowed
        #expect(messages("x = f(1)\nf(v) => v").first == "3:5: error: undeclared function 'f'")
        #expect(messages("f(v) => f(v)").first == "3:9: error: undeclared function 'f'")
        #expect(messages("for i = 0 to 3\n    x = i\ny = i") == ["5:5: error: undeclared identifier 'i'"])
    }

    @Test func timestampDefaults() {
        let ok = check("t = input.time(timestamp(\"2024-03-01 12:30 +0200\"), \"T\")")
        #expect(ok.inputs.first?.defaultValue == .int(1_709_289_000_000))
        let gmt = check("t = input.time(timestamp(\"GMT+2\", 2024, 3, 1, 12, 30), \"T\")")
        #expect(gmt.inputs.first?.defaultValue == .int(1_709_289_000_000))
        // Out-of-range dates are an error, never an overflow.
        let huge = check("t = input.time(timestamp(9223372036854775807, 1, 1), \"T\")")
        #expect(huge.diagnostics.map(\.description) == ["3:16: error: the default value of input.time must be a constant"])
        #expect(check("t = input.time(timestamp(\"2024-13-01\"), \"T\")").hasErrors)
    }

    @Test func oldSyntaxHints() {
        #expect(messages("strategy.entry(\"L\", strategy.long, when=close > open)") == [
            "3:36: error: strategy.entry has no 'when' parameter in Pine v6; put the call inside an 'if' instead",
        ])
        #expect(messages("study(\"x\")") == ["3:1: error: study() is the old name of indicator(); write indicator(...) and //@version=6"])
    }

    @Test func untypedNaDeclaration() {
        #expect(messages("x = na") == ["3:5: error: 'x' needs a type when declared as na: write 'float x = na'"])
        #expect(messages("float x = na\nvar int y = na").isEmpty)
    }

    @Test func userFunctionArguments() {
        #expect(messages("f(a, b = 2) => a + b\nx = f(1)\ny = f(1, b = 3)").isEmpty)
        #expect(messages("f(a, b = 2) => a + b\nx = f()") == ["4:5: error: missing argument 'a' in call to f"])
        #expect(messages("f(a) => a\nx = f(c = 1)") == ["4:7: error: f has no parameter named 'c'"])
        #expect(messages("f(a = 1, b) => a") == ["3:10: error: parameter 'b' without a default follows one with a default"])
    }

    @Test func methodsOnLocals() {
        #expect(messages("a = array.new_float()\na.push(1.0)\nn = a.size()").isEmpty)
        #expect(messages("a = array.new_float()\na.pushh(1.0)") == ["4:1: error: unknown method 'pushh' called on 'a'"])
        #expect(messages("a = array.new_float()\na.push()") == ["4:1: error: missing argument 'value' in call to array.push"])
        #expect(messages("var line l = na\nl.set_x2(bar_index)").isEmpty)
        #expect(messages("s = \"abc\"\nn = s.length()").isEmpty)
    }

    @Test func unsupportedFeaturesAreNamed() {
        #expect(messages("x = request.financial(syminfo.tickerid, \"EBITDA\", \"FQ\")") == ["3:5: error: request.financial is not supported yet"])
        #expect(messages("x = request.security(syminfo.tickerid, \"D\", close)") == [])
        #expect(messages("x = ticker.renko(syminfo.tickerid, \"ATR\", 10)") == ["3:5: error: ticker.renko is not supported yet"])
        #expect(messages("x = ticker.heikinashi(syminfo.tickerid)") == [])
        #expect(messages("x = input.enum(1)").first == "3:16: error: the default value of input.enum must be a member of an enum declared in the script: input.enum(MyEnum.member)")
        #expect(messages("x = timenow") == ["3:5: error: timenow is not supported yet"])
        #expect(messages("x = 1", kind: "indicator").isEmpty)
        #expect(messages("x = strategy.position_size", kind: "indicator") == [
            "3:5: error: strategy.position_size can only be used in a strategy() script",
        ])
    }

    @Test func valueAndCallMisuse() {
        #expect(messages("x = ta.sma") == ["3:5: error: 'ta.sma' is a function; call it with parentheses"])
        #expect(messages("x = close()") == ["3:5: error: 'close' is a variable, not a function"])
        #expect(messages("x = ta") == ["3:5: error: 'ta' is a namespace, not a value"])
        #expect(messages("x = 1\ny = x(2)") == ["4:5: error: 'x' is a variable, not a function"])
        #expect(messages("for i = 0 to 2\n    continue\ncontinue") == ["5:1: error: 'continue' can only be used inside a loop"])
        #expect(messages("x = switch\n    close > 1 => 1\n    => 0\n    close < 1 => 2") == [
            "6:5: error: the default case ('=>') must be the last case of a switch",
        ])
    }

    @Test func declarationArguments() {
        let bad = PineFrontEnd.check(source: "//@version=6\nstrategy(\"t\", pyramiding=close)\n", fileName: "t.pine")
        #expect(bad.diagnostics.map(\.description) == ["2:26: error: strategy() argument 'pyramiding' must be a constant value"])
        let positional = PineFrontEnd.check(source: "//@version=6\nstrategy(\"T\", \"S\", true)\n", fileName: "t.pine")
        #expect(positional.declaration?.title == "T")
        #expect(positional.declaration?["shorttitle"] == .string("S"))
        #expect(positional.declaration?["overlay"] == .bool(true))
        let folded = PineFrontEnd.check(source: "//@version=6\nstrategy(\"T\", initial_capital=10 * 1000, commission_value=-0.5 + 1)\n", fileName: "t.pine")
        #expect(folded.declaration?["initial_capital"] == .int(10_000))
        #expect(folded.declaration?["commission_value"] == .float(0.5))
        let twice = PineFrontEnd.check(source: "//@version=6\nstrategy(\"a\")\nstrategy(\"b\")\n", fileName: "t.pine")
        #expect(twice.diagnostics.map(\.description) == [
            "3:1: error: a script can have only one declaration statement; 'strategy(...)' repeats it",
        ])
    }

    @Test func constantStringsFromAnyConstantDeclaration() {
        // `var const`, `const`, `varip` and plain declarations that are never reassigned and fold to a
        // constant stand where Pine wants a constant string (group, title, tooltip, inline).
        let script = check("""
            var const string G = "Entry"
            const string T = "Length"
            varip string TIP = "bars" + " back"
            INL = "row" + "1"
            len = input.int(20, T, group = G, tooltip = TIP, inline = INL)
            var string MODE = "Fast"
            mode = input.string(MODE, "Mode", options = [MODE, "Slow"], group = G + " " + "mode")
            """)
        #expect(script.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let len = script.inputs.first { $0.name == "len" }
        #expect(len?.title == "Length")
        #expect(len?.group == "Entry")
        #expect(len?.tooltip == "bars back")
        let mode = script.inputs.first { $0.name == "mode" }
        #expect(mode?.defaultValue == .string("Fast"))
        #expect(mode?.options == [.string("Fast"), .string("Slow")])
        #expect(mode?.group == "Entry mode")
        // A declaration naming a constant.
        let titled = PineFrontEnd.check(
            source: "//@version=6\nconst string NAME = \"My strategy\"\nstrategy(NAME, initial_capital = 1000 * 10)\n", fileName: "t.pine")
        #expect(titled.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(titled.declaration?.title == "My strategy")
        // A value that changes (a series, a reassigned variable) is refused where it is given.
        let series = messages("""
            g = str.tostring(close)
            var string h = "a"
            h := "b"
            x = input.int(1, "x", group = g)
            y = input.int(1, "y", group = h)
            """)
        #expect(series == [
            "6:31: error: input.int argument 'group' must be a constant",
            "7:31: error: input.int argument 'group' must be a constant",
        ])
    }

    @Test func constantFolding() {
        func fold(_ text: String) -> ConstantValue? {
            let result = parse("//@version=6\nindicator(\"t\")\nx = " + text)
            guard case .variableDeclaration(let d)? = result.script.statements.first?.kind else { return nil }
            return ConstantValue.fold(d.initializer)
        }
        #expect(fold("1 + 2 * 3") == .int(7))
        #expect(fold("7 / 2") == .float(3.5))
        #expect(fold("8 / 2") == .int(4))
        #expect(fold("7 % 3") == .int(1))
        #expect(fold("7.5 % 2") == .float(1.5))
        #expect(fold("\"a\" + \"b\"") == .string("ab"))
        #expect(fold("not true or false") == .bool(false))
        #expect(fold("1 > 2 ? 3 : 4") == .int(4))
        #expect(fold("-strategy.long") == nil)
        #expect(fold("strategy.commission.percent") == .constant("strategy.commission.percent"))
        #expect(fold("close + 1") == nil)
        #expect(fold("1 / 0") == .na)
        #expect(fold("[1, 2.5, \"x\"]") == .list([.int(1), .float(2.5), .string("x")]))
    }
}
