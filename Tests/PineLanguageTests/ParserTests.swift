import Testing
@testable import PineLanguage

@Suite struct ParserTests {
    private func statements(_ body: String) -> [String] {
        let result = parse("//@version=6\nindicator(\"t\")\n" + body)
        #expect(result.diagnostics.isEmpty, "\(result.renderedDiagnostics)")
        return result.script.statements.map(SExpr.of)
    }

    private func expression(_ text: String) -> String {
        statements("x = " + text).first ?? ""
    }

    @Test func precedence() {
        #expect(expression("1 + 2 * 3") == "(decl x (+ 1 (* 2 3)))")
        #expect(expression("(1 + 2) * 3") == "(decl x (* (+ 1 2) 3))")
        #expect(expression("a or b and c") == "(decl x (or a (and b c)))")
        #expect(expression("not a and b") == "(decl x (and (not a) b))")
        #expect(expression("a == b > c") == "(decl x (== a (> b c)))")
        #expect(expression("-a[1] * 2") == "(decl x (* (- (a[1])) 2))")
        #expect(expression("a - b - c") == "(decl x (- (- a b) c))")
        #expect(expression("a ? b : c ? d : e") == "(decl x (?: a b (?: c d e)))")
        #expect(expression("a % 3 != 0") == "(decl x (!= (% a 3) 0))")
    }

    @Test func literals() {
        #expect(expression("1.5e3") == "(decl x 1500.0f)")
        #expect(expression(".25") == "(decl x 0.25f)")
        #expect(expression("2.") == "(decl x 2.0f)")
        #expect(expression("'single \\'q\\''") == "(decl x \"single 'q'\")")
        #expect(expression("\"tab\\tx\"") == "(decl x \"tab\tx\")")
        #expect(expression("#00FF0080") == "(decl x #0,255,0,128)")
        #expect(expression("#0000ff") == "(decl x #0,0,255,255)")
        #expect(expression("na") == "(decl x na)")
        #expect(expression("na(close)") == "(decl x (call na close))")
        #expect(expression("true and false") == "(decl x (and true false))")
    }

    @Test func declarations() {
        #expect(statements("var float a = na") == ["(decl var float a na)"])
        #expect(statements("varip int b = 0") == ["(decl varip int b 0)"])
        #expect(statements("series float c = close") == ["(decl series float c close)"])
        #expect(statements("simple int d = 5") == ["(decl simple int d 5)"])
        #expect(statements("array<float> e = array.new<float>(5, 0.0)") == ["(decl array<float> e (call array.new<float> 5 0.0f))"])
        #expect(statements("float[] f = array.new_float()") == ["(decl array<float> f (call array.new_float))"])
        #expect(statements("[m, s, h] = ta.macd(close, 12, 26, 9)") == ["(tuple-decl [m s h] (call ta.macd close 12 26 9))"])
        #expect(statements("a = 1\na := 2\na += 1\na -= 1\na *= 2\na /= 2\na %= 2") == [
            "(decl a 1)", "(:= a 2)", "(+= a 1)", "(-= a 1)", "(*= a 2)", "(/= a 2)", "(%= a 2)",
        ])
    }

    @Test func generics() {
        #expect(expression("map.new<string, float>()") == "(decl x (call map.new<string,float>))")
        #expect(expression("array.new<array<int>>()") == "(decl x (call array.new<array<int>>))")
        // A comparison is not taken for a generic call.
        #expect(expression("a < b") == "(decl x (< a b))")
        #expect(expression("f(a < b, c > d)") == "(decl x (call f (< a b) (> c d)))")
    }

    @Test func controlFlow() {
        let source = """
            for i = 0 to 10 by 2
                continue
            for v in xs
                break
            for [i, v] in xs
                y = v
            while a < 3
                a += 1
            switch mode
                "a" => 1
                "b" =>
                    z = 2
                    z
                => 0
            """
        #expect(statements(source) == [
            "(for i 0 10 by 2 {continue})", "(for-in v xs {break})", "(for-in i,v xs {(decl y v)})",
            "(while (< a 3) {(+= a 1)})", "(switch mode (\"a\" => {1}) (\"b\" => {(decl z 2); z}) (default => {0}))",
        ])
    }

    @Test func ifAsExpressionAndElseIfChains() {
        let source = """
            y = if a
                1
            else if b
                2
            else
                3
            if c
                if d
                    e := 1
            else
                e := 2
            """
        #expect(statements(source) == [
            "(decl y (if a {1} b {2} else {3}))",
            "(if c {(if d {(:= e 1)})} else {(:= e 2)})",
        ])
    }

    @Test func functionsTypesAndLibrariesParse() {
        let source = """
            f(x, y = 2) => x + y
            g(float src, int len) =>
                s = 0.0
                s
            method m(float self) => self
            export h() => 1
            type Pt
                float x = 1.0
                int n
            enum Mode
                fast = "Fast"
                slow
            import user/lib/3 as lib
            """
        #expect(statements(source) == [
            "(fn f(x,y=2) {(+ x y)})", "(fn g(float src,int len) {(decl s 0.0f); s})", "(method m(float self) {self})",
            "(fn h() {1})", "(type Pt float x=1.0f int n)", "(enum Mode fast slow)", "(import user/lib/3 as lib)",
        ])
    }

    @Test func lineContinuation() {
        let source = """
            a = close +
              open
            b = f(1,
                 2,
             3)
            c = [1,
                2]
            if a
                d = f(1
                , 2
                )
            """
        #expect(statements(source) == [
            "(decl a (+ close open))", "(decl b (call f 1 2 3))", "(decl c [1 2])", "(if a {(decl d (call f 1 2))})",
        ])
    }

    @Test func commaSeparatedStatements() {
        #expect(statements("a = 1, b = 2\nif a > b\n    a := 2, b := 3") == [
            "(decl a 1)", "(decl b 2)", "(if (> a b) {(:= a 2); (:= b 3)})",
        ])
    }

    @Test func aCommaMayEndTheLastStatementOfALine() {
        // TradingView's built-in "Greedy Strategy" ends a declaration line with a comma.
        #expect(statements("a = 1,\nb = 2,\nif a > b\n    a := 2,\nplot(a)") == [
            "(decl a 1)", "(decl b 2)", "(if (> a b) {(:= a 2)})", "(call plot a)",
        ])
    }

    @Test func tabsIndentBlocks() {
        #expect(statements("if a\n\tb := 1\n\tc := 2") == ["(if a {(:= b 1); (:= c 2)})"])
    }

    @Test func crlfLineEndings() {
        let result = parse("//@version=6\r\nindicator(\"t\")\r\nif a\r\n    b := 1\r\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.script.statements.map(SExpr.of) == ["(if a {(:= b 1)})"])
    }

    @Test func exactRanges() throws {
        let result = parse("//@version=6\nindicator(\"t\")\nfast = ta.sma(close, len)\n")
        let statement = try #require(result.script.statements.first)
        #expect(statement.range.start == SourceLocation(line: 3, column: 1, offset: 28))
        #expect(statement.range.end == SourceLocation(line: 3, column: 26, offset: 53))
        guard case .variableDeclaration(let d) = statement.kind, case .call(let call) = d.initializer.kind else {
            Issue.record("expected a call declaration")
            return
        }
        #expect(d.name.range.start.column == 1 && d.name.range.end.column == 5)
        #expect(d.initializer.range.start.column == 8 && d.initializer.range.end.column == 26)
        #expect(call.callee.range.start.column == 8 && call.callee.range.end.column == 14)
        if case .member(_, let name, let nameRange) = call.callee.kind {
            #expect(name == "sma" && nameRange.start.column == 11)
        } else {
            Issue.record("callee is not a member")
        }
        #expect(call.arguments.map(\.range.start.column) == [15, 22])
        #expect(call.arguments.map(\.range.end.column) == [20, 25])
    }

    @Test func compoundStatementRanges() throws {
        let result = parse("//@version=6\nindicator(\"t\")\nif a\n    b := 1\n    c := 2\n\nd = 1\n")
        let statement = try #require(result.script.statements.first)
        #expect(statement.range.start.line == 3 && statement.range.start.column == 1)
        #expect(statement.range.end.line == 5 && statement.range.end.column == 11)
        guard case .conditional(let c) = statement.kind else {
            Issue.record("expected an if")
            return
        }
        #expect(c.branches[0].range.end == statement.range.end)
        #expect(result.script.statements[1].range.start.line == 7)
    }

    @Test func namedArgumentRanges() throws {
        let result = parse("//@version=6\nindicator(\"t\")\nx = input.int(10, title = \"Len\", minval=1)\n")
        guard case .variableDeclaration(let d)? = result.script.statements.first?.kind, case .call(let call) = d.initializer.kind
        else {
            Issue.record("expected a call")
            return
        }
        #expect(call.arguments.map(\.label) == [nil, "title", "minval"])
        #expect(call.arguments[1].labelRange?.start.column == 19)
        #expect(call.arguments[1].range.start.column == 19 && call.arguments[1].range.end.column == 32)
    }

    @Test func versionHandling() {
        #expect(parse("//@version=5\nindicator(\"t\")\n").diagnostics.isEmpty)
        #expect(parse("//@version=5\nindicator(\"t\")\n").script.version == 5)
        let missing = parse("indicator(\"t\")\n")
        #expect(missing.diagnostics.map(\.severity) == [.warning])
        #expect(!missing.hasErrors)
        #expect(parse("//@version=3\nindicator(\"t\")\n").hasErrors)
    }

    @Test func declarationIsNotAStatement() throws {
        let result = parse("//@version=6\nstrategy(\"s\", overlay=true)\nplot(close)\n")
        #expect(result.script.declaration?.kind == .strategy)
        #expect(result.script.statements.map(SExpr.of) == ["(call plot close)"])
    }

    @Test func emptyAndCommentOnlySources() {
        for source in ["", "\n\n", "// just a comment\n", "//@version=6\n"] {
            let result = parse(source)
            #expect(result.script.statements.isEmpty)
            #expect(!result.hasErrors)
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = "//@version=6\nindicator(\"t\")\nx = " + String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        let result = parse(deep)
        #expect(result.diagnostics.contains { $0.message.hasPrefix("the script is nested more than \(ScriptLimits.maxNesting) levels deep") })
        let unary = "//@version=6\nindicator(\"t\")\nx = " + String(repeating: "-", count: 20000) + "1"
        #expect(parse(unary).hasErrors)
        // Long chains deepen the tree as much as nesting does.
        let sum = "//@version=6\nindicator(\"t\")\nx = " + Array(repeating: "1", count: 5_000).joined(separator: " + ")
        #expect(PineFrontEnd.check(source: sum, fileName: "s.pine").hasErrors)
        let history = "//@version=6\nindicator(\"t\")\nx = close" + String(repeating: "[1]", count: 5_000)
        #expect(PineFrontEnd.check(source: history, fileName: "h.pine").hasErrors)
        let members = "//@version=6\nindicator(\"t\")\nx = a" + String(repeating: ".b", count: 5_000)
        #expect(PineFrontEnd.check(source: members, fileName: "m.pine").hasErrors)
        // A long but reasonable expression is fine.
        let fine = "//@version=6\nindicator(\"t\")\nx = " + Array(repeating: "close", count: 150).joined(separator: " + ")
        #expect(!PineFrontEnd.check(source: fine, fileName: "f.pine").hasErrors)
    }
}
