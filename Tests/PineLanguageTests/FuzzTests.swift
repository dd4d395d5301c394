import Testing
@testable import PineLanguage

/// Random mutations of the fixture scripts through the whole front end: it must
/// never crash or hang, and every diagnostic must point inside the source.
@Suite struct FuzzTests {
    static let fragments = [
        "(", ")", "[", "]", ",", "=", ":=", "=>", "?", ":", "if ", "else", "for ", " to ", "while ", "switch ",
        "var ", "\n", "\n    ", "\n  ", "\t", "\"", "'", "#", "#FFF", ".", "..", "1e", "0.", "na", "not ", " and ",
        "strategy.entry(", "ta.sma(close, ", "input.int(", "[a, b] = ", "f(x) =>", "type T\n    float x", "method ",
        "//", "\\", "é", "🙂", "\r\n", "<float>", "array.new<", "-", "+=", "break", "continue", "import a/b/1",
    ]

    @Test func mutatedScriptsNeverCrash() throws {
        let sources = try Fixtures.parityNames.map { try Fixtures.text("parity/" + $0) }
            + (try Fixtures.files(in: "broken")).map { try Fixtures.text("broken/" + $0) }
            + (try Fixtures.files(in: "valid")).map { try Fixtures.text("valid/" + $0) }
        #expect(sources.count >= 40)
        var rng = SplitMix64(state: 20_251_122)
        var withErrors = 0
        var slowest = Duration.zero
        let cases = 3000
        for _ in 0..<cases {
            var text = Array(sources[Int.random(in: 0..<sources.count, using: &rng)].unicodeScalars)
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                guard !text.isEmpty else { break }
                let at = Int.random(in: 0..<text.count, using: &rng)
                switch Int.random(in: 0..<6, using: &rng) {
                case 0: text.remove(at: at)
                case 1:
                    let fragment = Self.fragments[Int.random(in: 0..<Self.fragments.count, using: &rng)]
                    text.insert(contentsOf: fragment.unicodeScalars, at: at)
                case 2:
                    let end = min(text.count, at + Int.random(in: 1...40, using: &rng))
                    text.removeSubrange(at..<end)
                case 3:
                    let end = min(text.count, at + Int.random(in: 1...60, using: &rng))
                    let chunk = Array(text[at..<end])
                    text.insert(contentsOf: chunk, at: Int.random(in: 0...text.count, using: &rng))
                case 4:
                    let other = Int.random(in: 0..<text.count, using: &rng)
                    text.swapAt(at, other)
                default:
                    text[at] = Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &rng))
                }
            }
            var source = ""
            source.unicodeScalars.append(contentsOf: text)
            let clock = ContinuousClock()
            let started = clock.now
            let checked = PineFrontEnd.check(source: source, fileName: "fuzz.pine")
            slowest = max(slowest, clock.now - started)
            if checked.hasErrors { withErrors += 1 }
            let lineCount = source.utf8.filter { $0 == 10 }.count + 1
            for d in checked.diagnostics {
                #expect(d.range.start.line >= 1 && d.range.start.line <= lineCount + 1)
                #expect(d.range.start.offset <= source.utf8.count)
                #expect(!d.message.isEmpty)
            }
            _ = checked.renderedDiagnostics
            _ = InspectReport(checked).json()
        }
        // Most mutations break the script; the front end must say so rather than accept them.
        #expect(withErrors > cases / 2)
        // No input makes the front end crawl (a hang would show here first).
        #expect(slowest < .seconds(2))
    }

    @Test func randomBytesNeverCrash() {
        var rng = SplitMix64(state: 7)
        for _ in 0..<1000 {
            let count = Int.random(in: 0..<200, using: &rng)
            var scalars: [Unicode.Scalar] = []
            for _ in 0..<count {
                let pick = Int.random(in: 0..<10, using: &rng)
                if pick == 0 {
                    scalars.append("\n")
                } else if pick == 1 {
                    scalars.append(" ")
                } else {
                    scalars.append(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &rng)))
                }
            }
            var source = ""
            source.unicodeScalars.append(contentsOf: scalars)
            let checked = PineFrontEnd.check(source: source, fileName: "bytes.pine")
            _ = checked.renderedDiagnostics
        }
    }
}
