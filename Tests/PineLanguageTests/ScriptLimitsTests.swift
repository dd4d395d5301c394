@testable import PineLanguage
import Testing

/// Each limit of `ScriptLimits` with a generated script just under it (no
/// error) and just over it (one error at the place the limit is crossed).
@Suite struct ScriptLimitsTests {
    static let header = "//@version=6\nindicator(\"limits\")\n"

    static func errors(_ source: String) -> [Diagnostic] {
        PineFrontEnd.check(source: source, fileName: "limits.pine").diagnostics.filter { $0.severity == .error }
    }

    /// A comment-only script of exactly `bytes` bytes on `lines` lines (every line ends with a newline).
    static func filler(bytes: Int, lines: Int) -> String {
        let body = bytes - lines  // the newlines
        let perLine = body / lines
        var text = ""
        text.reserveCapacity(bytes)
        for i in 0..<lines {
            let width = perLine + (i < body % lines ? 1 : 0)
            text += "//" + String(repeating: "x", count: width - 2) + "\n"
        }
        return text
    }

    @Test func scriptOfExactlyTheByteLimitIsAccepted() {
        let source = Self.filler(bytes: ScriptLimits.maxBytes, lines: 1_000)
        #expect(source.utf8.count == ScriptLimits.maxBytes)
        #expect(ScriptLimits.sizeProblem(of: source) == nil)
    }

    @Test func oneByteOverTheLimitIsALocatedError() throws {
        // 1,000 lines of 8,000 bytes: the byte at offset maxBytes starts line 1,001.
        let source = Self.filler(bytes: ScriptLimits.maxBytes, lines: 1_000) + "x"
        let found = Self.errors(source)
        #expect(found.count == 1)
        let error = try #require(found.first)
        #expect(error.message.hasPrefix("the script is larger than \(ScriptLimits.maxBytes) bytes"))
        #expect(error.range.start.line == 1_001)
        #expect(error.range.start.column == 1)
        #expect(error.range.start.offset == ScriptLimits.maxBytes)
    }

    @Test func scriptOfExactlyTheLineLimitIsAccepted() {
        let source = String(repeating: "//\n", count: ScriptLimits.maxLines)
        #expect(ScriptLimits.sizeProblem(of: source) == nil)
        // Without the last newline too.
        #expect(ScriptLimits.sizeProblem(of: String(source.dropLast())) == nil)
    }

    @Test func oneLineOverTheLimitIsALocatedError() throws {
        let source = String(repeating: "//\n", count: ScriptLimits.maxLines) + "x = 1"
        let error = try #require(Self.errors(source).first)
        #expect(error.message.hasPrefix("the script has more than \(ScriptLimits.maxLines) lines"))
        #expect(error.range.start.line == ScriptLimits.maxLines + 1)
        #expect(error.range.start.column == 1)
    }

    /// `count` variables declared by tuple declarations of 1,000 names (and one plain declaration for the rest).
    static func declarations(_ count: Int) -> String {
        var text = header
        var declared = 0
        var group = 0
        while count - declared >= 1_000 {
            let names = (0..<1_000).map { "g\(group)_\($0)" }
            text += "[" + names.joined(separator: ", ") + "] = f()\n"
            declared += 1_000
            group += 1
        }
        for i in 0..<(count - declared) { text += "v\(i) = \(i)\n" }
        return text
    }

    @Test func exactlyTheVariableLimitIsAccepted() {
        let parsed = PineParser.parse(source: Self.declarations(ScriptLimits.maxVariables), fileName: "v.pine")
        #expect(!parsed.hasErrors)
        #expect(ScriptLimits.problems(in: parsed.script).isEmpty)
    }

    @Test func oneVariableOverTheLimitIsALocatedError() throws {
        let source = Self.declarations(ScriptLimits.maxVariables) + "last = 1\n"
        let parsed = PineParser.parse(source: source, fileName: "v.pine")
        #expect(!parsed.hasErrors)
        let problems = ScriptLimits.problems(in: parsed.script)
        #expect(problems.count == 1)
        let error = try #require(problems.first)
        #expect(error.message.hasPrefix("the script declares more than \(ScriptLimits.maxVariables) variables"))
        // The header is 2 lines, then 100 tuple lines: `last` is on line 103, column 1.
        #expect(error.range.start.line == 2 + ScriptLimits.maxVariables / 1_000 + 1)
        #expect(error.range.start.column == 1)
    }

    @Test func loopCountersAreVariablesToo() {
        let source = Self.declarations(ScriptLimits.maxVariables - 1) + "for i = 0 to 1\n    j = i\n"
        let problems = ScriptLimits.problems(in: PineParser.parse(source: source, fileName: "v.pine").script)
        // `i` is the last variable allowed; `j` (line 2 + 99 + 999 + 2) is over.
        #expect(problems.count == 1)
        #expect(problems.first?.range.start.line == 2 + 99 + 999 + 2)
    }

    /// `x = ` and `depth` parentheses: the expression is one level and each bracket one more.
    static func nested(_ depth: Int) -> String {
        header + "x = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + "\n"
    }

    @Test func nestingAtTheLimitIsAccepted() {
        #expect(Self.errors(Self.nested(ScriptLimits.maxNesting - 1)).isEmpty)
    }

    @Test func nestingOneOverTheLimitIsALocatedError() throws {
        let depth = ScriptLimits.maxNesting
        let error = try #require(Self.errors(Self.nested(depth)).first)
        #expect(error.message.hasPrefix("the script is nested more than \(ScriptLimits.maxNesting) levels deep"))
        #expect(error.range.start.line == 3)
        // The level over the limit is the innermost parenthesis, after `x = ` and depth - 1 others.
        #expect(error.range.start.column == 5 + depth)
    }

    @Test func historyOffsetAtTheLimitIsAccepted() {
        #expect(Self.errors(Self.header + "x = close[\(ScriptLimits.maxHistory)]\nplot(x)\n").isEmpty)
    }

    @Test func constantHistoryOffsetOverTheLimitIsACompileError() throws {
        let n = ScriptLimits.maxHistory + 1
        let found = Self.errors(Self.header + "x = close\ny = x[\(n)]\nplot(y)\n")
        #expect(found.count == 1)
        let error = try #require(found.first)
        #expect(error.message == ScriptLimits.historyMessage(n))
        #expect(error.message.contains("beyond the \(ScriptLimits.maxHistory) bars"))
        #expect(error.range.start.line == 4)
        #expect(error.range.start.column == 7)
    }
}
