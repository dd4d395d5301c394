import Testing
@testable import PineLanguage

/// Golden diagnostics (line, column, message) for broken and unsupported scripts.
@Suite struct BrokenScriptTests {
    static var names: [String] { (try? Fixtures.files(in: "broken")) ?? [] }

    @Test func atLeastTwentyBrokenScripts() {
        #expect(Self.names.count >= 20)
    }

    @Test(arguments: names)
    func diagnosticsMatchGolden(_ name: String) throws {
        let source = try Fixtures.text("broken/" + name)
        let expected = try Fixtures.text("broken/" + name.replacingOccurrences(of: ".pine", with: ".expected"))
        let checked = PineFrontEnd.check(source: source, fileName: name)
        #expect(checked.hasErrors)
        let actual = checked.diagnostics.map(\.description).joined(separator: "\n") + "\n"
        #expect(actual == expected)
    }

    @Test func renderedDiagnosticShowsFileLineAndCaret() throws {
        let checked = PineFrontEnd.check(source: try Fixtures.text("broken/05-request-financial.pine"), fileName: "htf.pine")
        #expect(checked.renderedDiagnostics == """
            htf.pine:3:10: error: request.financial is not supported yet
            ebitda = request.financial(syminfo.tickerid, "EBITDA", "FQ")
                     ^~~~~~~~~~~~~~~~~
            """)
    }

    @Test func recoversAndReportsSeveralErrors() throws {
        let checked = PineFrontEnd.check(source: try Fixtures.text("broken/21-multiple-errors.pine"), fileName: "m.pine")
        #expect(checked.diagnostics.map(\.range.start.line) == [3, 4, 5])
        // The statement after the broken ones is still parsed.
        #expect(checked.script.statements.contains { SExpr.of($0) == "(decl d 3)" })
    }

    @Test func caretUnderTabIndentedCode() {
        let source = "//@version=6\nstrategy(\"t\")\nif close > open\n\tx = foo\n"
        let checked = PineFrontEnd.check(source: source, fileName: "tab.pine")
        #expect(checked.renderedDiagnostics == """
            tab.pine:4:6: error: undeclared identifier 'foo'
                x = foo
                    ^~~
            """)
    }
}
