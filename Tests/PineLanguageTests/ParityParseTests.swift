import Testing
@testable import PineLanguage

@Suite struct ParityParseTests {
    @Test(arguments: Fixtures.parityNames)
    func parsesWithoutDiagnostics(_ name: String) throws {
        let source = try Fixtures.text("parity/" + name)
        let result = PineParser.parse(source: source, fileName: name)
        #expect(result.diagnostics.isEmpty, "\(result.renderedDiagnostics)")
        #expect(result.script.version == 6)
        #expect(result.script.declaration?.kind == .strategy)
        #expect(!result.script.statements.isEmpty)
    }

    @Test func fourteenParityFixtures() {
        #expect(Fixtures.parityNames.count == 14)
    }

    @Test func smaFlipStructure() throws {
        let result = PineParser.parse(source: try Fixtures.text("parity/01-sma-flip.pine"), fileName: "a.pine")
        let decl = try #require(result.script.declaration)
        #expect(decl.arguments.map(\.label) == [nil, "overlay", "initial_capital", "default_qty_type", "default_qty_value"])
        #expect(decl.range.start.line == 4 && decl.range.start.column == 1)
        #expect(decl.range.end.line == 5)
        let lines = result.script.statements.map(SExpr.of)
        #expect(lines == [
            "(decl fastLen (call input.int 10 \"Fast SMA\" minval=1))",
            "(decl slowLen (call input.int 30 \"Slow SMA\" minval=2))",
            "(decl fastMa (call ta.sma close fastLen))",
            "(decl slowMa (call ta.sma close slowLen))",
            "(decl goLong (call ta.crossover fastMa slowMa))",
            "(decl goShort (call ta.crossunder fastMa slowMa))",
            "(if goLong {(call strategy.entry \"Long\" strategy.long)})",
            "(if goShort {(call strategy.entry \"Short\" strategy.short)})",
        ])
    }

    @Test func udfLatchLoopStructure() throws {
        let result = PineParser.parse(source: try Fixtures.text("parity/11-udf-latch-loop.pine"), fileName: "k.pine")
        let text = SExpr.of(result.script)
        #expect(text.contains(
            "(fn stepScore(float src,int len) {(decl float ups 0.0f); (decl float downs 0.0f); (for i 0 (- len 1) {(decl float prev (call nz (src[(+ i 1)]) (src[i]))); (decl float diff (- (src[i]) prev)); (+= ups (?: (> diff 0) 1.0f 0.0f)); (+= downs (?: (< diff 0) 1.0f 0.0f))}); (/ (- ups downs) len)})"))
        #expect(text.contains("(decl signalDir (?: (>= score threshold) 1 (?: (<= score (- threshold)) (- 1) 0)))"))
        #expect(text.contains("(decl var int latchDir 0)"))
        #expect(text.contains("(:= barsHeld (?: (!= strategy.position_size 0) (+ barsHeld 1) 0))"))
        #expect(text.contains("(decl confirmLong (and (and (== latchDir 1) (not (call na latchPrice))) (> close latchPrice)))"))
        #expect(text.contains("(if (and confirmLong (<= strategy.position_size 0)) {(call strategy.entry \"K-L\" strategy.long); (:= latchPrice na)} (and confirmShort (>= strategy.position_size 0)) {(call strategy.entry \"K-S\" strategy.short); (:= latchPrice na)} (>= barsHeld holdMax) {(call strategy.close_all comment=\"max hold\")})"))
    }
}
