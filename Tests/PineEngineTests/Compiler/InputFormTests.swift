import PFData
@testable import PineEngine
import PineLanguage
import Testing

/// Every input form, read by the script on the first and the last bar, with its
/// default and with a value set from outside (`--set`). Expected values are the
/// defaults written in each script, the values set, or the bars' own prices.
@Suite struct InputFormTests {
    /// Eight 1-minute bars with distinct open, high, low and close.
    static let bars: BarStore = {
        let n = 8
        let c = (0..<n).map { 100 + 3 * Double($0) }
        return BarStore(
            time: (0..<n).map { Int64($0) * 60_000 }, open: c.map { $0 - 1 }, high: c.map { $0 + 2 },
            low: c.map { $0 - 2.5 }, close: c, volume: (0..<n).map { 10 + Double($0) })
    }()

    /// The plots of `body` run as an indicator, by title.
    static func plots(_ body: String, set values: [String: InputValue] = [:]) throws -> [String: [Double]] {
        try ScriptHarness.plots(
            ScriptHarness.source(body + "\n", declaration: "indicator(\"inputs\")"), fileName: "inputs.pine", bars: bars,
            options: RunOptions(inputs: values))
    }

    /// What the script sees on the first and the last bar, as plot "v".
    static func seen(_ body: String, set values: [String: InputValue] = [:]) throws -> (first: Double, last: Double) {
        let v = try plots(body + "\nplot(v, \"v\")", set: values)["v"] ?? []
        return (v.first ?? .nan, v.last ?? .nan)
    }

    static func expect(_ got: (first: Double, last: Double), _ first: Double, _ last: Double, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(got.first == first && got.last == last, "saw \(got.first) on the first bar, \(got.last) on the last", sourceLocation: sourceLocation)
    }

    var first: Int { 0 }
    var last: Int { Self.bars.count - 1 }
    func close(_ i: Int) -> Double { Self.bars.close[i] }
    func open(_ i: Int) -> Double { Self.bars.open[i] }
    func hl2(_ i: Int) -> Double { (Self.bars.high[i] + Self.bars.low[i]) / 2 }

    // MARK: input() with each kind of default

    @Test func genericIntInput() throws {
        Self.expect(try Self.seen("v = input(3, \"Len\")"), 3, 3)
        Self.expect(try Self.seen("v = input(3, \"Len\")", set: ["Len": .int(5)]), 5, 5)
    }

    @Test func genericFloatInput() throws {
        Self.expect(try Self.seen("v = input(1.5, \"Mult\")"), 1.5, 1.5)
        Self.expect(try Self.seen("v = input(1.5, \"Mult\")", set: ["v": .float(2.25)]), 2.25, 2.25)
    }

    @Test func genericBoolInput() throws {
        Self.expect(try Self.seen("b = input(true, \"Flag\")\nv = b ? 1 : 0"), 1, 1)
        Self.expect(try Self.seen("b = input(true, \"Flag\")\nv = b ? 1 : 0", set: ["Flag": .bool(false)]), 0, 0)
    }

    @Test func genericStringInput() throws {
        Self.expect(try Self.seen("s = input(\"abc\", \"Text\")\nv = str.length(s)"), 3, 3)
        Self.expect(try Self.seen("s = input(\"abc\", \"Text\")\nv = str.length(s)", set: ["Text": .string("hello")]), 5, 5)
    }

    @Test func genericColorInputIsAccepted() throws {
        Self.expect(try Self.seen("c = input(color.red, \"Color\")\nv = close\nplot(close, color = c)"), close(first), close(last))
    }

    /// A series default makes a source input: the script sees that series on every bar.
    @Test func genericSeriesInputIsASource() throws {
        Self.expect(try Self.seen("v = input(close, title=\"Source\")"), close(first), close(last))
        Self.expect(try Self.seen("v = input(hl2)"), hl2(first), hl2(last))
        Self.expect(try Self.seen("v = input(close, title=\"Source\")", set: ["Source": .string("open")]), open(first), open(last))
        // Through an indicator (a column kernel), a user function and a history read.
        let sma = (close(last) + close(last - 1)) / 2
        let smaSeen = try Self.seen("src = input(close, \"Source\")\nv = ta.sma(src, 2)")
        #expect(smaSeen.first.isNaN && smaSeen.last == sma)
        Self.expect(try Self.seen("src = input(close, \"Source\")\nf(x) => x * 2\nv = f(src)"), 2 * close(first), 2 * close(last))
        Self.expect(try Self.seen("src = input(close, \"Source\")\nv = nz(src[1])"), 0, close(last - 1))
        // Read inside a branch (not a column) and by `var` on the first bar only.
        Self.expect(try Self.seen("src = input(close, \"Source\")\nfloat v = na\nif bar_index >= 0\n    v := src"), close(first), close(last))
        Self.expect(try Self.seen("src = input(close, \"Source\")\nvar v = src"), close(first), close(first))
    }

    // MARK: input.*

    @Test func inputInt() throws {
        Self.expect(try Self.seen("v = input.int(4, \"Len\", minval = 1, maxval = 10, step = 1)"), 4, 4)
        Self.expect(try Self.seen("v = input.int(4, \"Len\", minval = 1, maxval = 10)", set: ["Len": .int(9)]), 9, 9)
        // A length input drives an indicator's kernel: the same as the literal length.
        let literal = try Self.seen("v = ta.sma(close, 3)")
        let viaInput = try Self.seen("len = input.int(2, \"Len\")\nv = ta.sma(close, len)", set: ["Len": .int(3)])
        #expect(literal.last == viaInput.last && literal.first.isNaN && viaInput.first.isNaN)
    }

    @Test func inputFloat() throws {
        Self.expect(try Self.seen("v = input.float(0.5, \"F\", step = 0.1)"), 0.5, 0.5)
        Self.expect(try Self.seen("v = input.float(0.5, \"F\")", set: ["F": .float(0.75)]), 0.75, 0.75)
        Self.expect(try Self.seen("v = input.float(2, \"F\")", set: ["F": .int(3)]), 3, 3)
    }

    @Test func inputBool() throws {
        Self.expect(try Self.seen("b = input.bool(false, \"B\")\nv = b ? 1 : 0"), 0, 0)
        Self.expect(try Self.seen("b = input.bool(false, \"B\")\nv = b ? 1 : 0", set: ["B": .bool(true)]), 1, 1)
    }

    @Test func inputString() throws {
        Self.expect(try Self.seen("s = input.string(\"ab\", \"S\")\nv = str.length(s)"), 2, 2)
        Self.expect(try Self.seen("s = input.string(\"ab\", \"S\")\nv = s == \"xyz\" ? 1 : 0", set: ["S": .string("xyz")]), 1, 1)
    }

    @Test func inputSource() throws {
        Self.expect(try Self.seen("v = input.source(close, \"Src\")"), close(first), close(last))
        Self.expect(try Self.seen("v = input.source(close, \"Src\")", set: ["Src": .string("hl2")]), hl2(first), hl2(last))
        Self.expect(try Self.seen("v = input.source(hl2, \"Src\")"), hl2(first), hl2(last))
    }

    @Test func inputTimeframe() throws {
        Self.expect(try Self.seen("tf = input.timeframe(\"60\", \"TF\")\nv = timeframe.in_seconds(tf)"), 3600, 3600)
        Self.expect(try Self.seen("tf = input.timeframe(\"60\", \"TF\")\nv = timeframe.in_seconds(tf)", set: ["TF": .string("240")]), 14_400, 14_400)
    }

    @Test func inputSession() throws {
        Self.expect(try Self.seen("s = input.session(\"0930-1600\", \"Sess\")\nv = str.length(s)"), 9, 9)
        Self.expect(try Self.seen("s = input.session(\"0930-1600\", \"Sess\")\nv = s == \"0000-0000\" ? 1 : 0", set: ["Sess": .string("0000-0000")]), 1, 1)
    }

    @Test func inputSymbol() throws {
        Self.expect(try Self.seen("s = input.symbol(\"BINANCE:ETHUSDT\", \"Sym\")\nv = str.length(s)"), 15, 15)
        Self.expect(try Self.seen("s = input.symbol(\"BINANCE:ETHUSDT\", \"Sym\")\nv = str.length(s)", set: ["Sym": .string("X:Y")]), 3, 3)
    }

    @Test func inputPrice() throws {
        Self.expect(try Self.seen("v = input.price(101.5, \"P\")"), 101.5, 101.5)
        Self.expect(try Self.seen("v = input.price(101.5, \"P\")", set: ["P": .float(99.25)]), 99.25, 99.25)
    }

    @Test func inputTime() throws {
        // 2024-01-01T00:00:00Z is 19,723 days after the epoch.
        let ms = 19_723.0 * 86_400_000
        Self.expect(try Self.seen("v = input.time(timestamp(\"2024-01-01T00:00:00+00:00\"), \"T\")"), ms, ms)
        Self.expect(try Self.seen("v = input.time(timestamp(2024, 1, 1), \"T\")", set: ["T": .int(60_000)]), 60_000, 60_000)
    }

    @Test func inputColorIsAccepted() throws {
        Self.expect(try Self.seen("c = input.color(color.blue, \"Col\")\nv = close\nplot(close, color = c)"), close(first), close(last))
    }

    @Test func inputTextArea() throws {
        Self.expect(try Self.seen("s = input.text_area(\"one\\ntwo\", \"Notes\")\nv = str.length(s)"), 7, 7)
        Self.expect(try Self.seen("s = input.text_area(\"one\", \"Notes\")\nv = str.length(s)", set: ["Notes": .string("four")]), 4, 4)
    }

    // MARK: options, positional forms, display-only arguments

    @Test func optionsAreTheAllowedValues() throws {
        let body = "s = input.string(\"A\", \"Mode\", options = [\"A\", \"B\"])\nv = s == \"B\" ? 1 : 0"
        Self.expect(try Self.seen(body), 0, 0)
        Self.expect(try Self.seen(body, set: ["Mode": .string("B")]), 1, 1)
        #expect(throws: InputValueError.self) { _ = try Self.seen(body, set: ["Mode": .string("C")]) }
        let ints = "v = input.int(2, \"N\", options = [1, 2, 3])"
        Self.expect(try Self.seen(ints, set: ["N": .int(3)]), 3, 3)
        #expect(throws: InputValueError.self) { _ = try Self.seen(ints, set: ["N": .int(4)]) }
    }

    /// Positional arguments follow TradingView's signature of each function: the third
    /// argument of `input.string` is `options`, of `input()` and `input.bool` `tooltip`.
    @Test func positionalArgumentsFollowTheSignature() throws {
        let program = try PineProgram.compile(
            source: "//@version=6\nindicator(\"p\")\ns = input.string(\"A\", \"Mode\", [\"A\", \"B\"])\nb = input.bool(true, \"Flag\", \"a tooltip\")\ng = input(true, \"G\", \"tip\")\nplot(close)\n",
            fileName: "p.pine")
        #expect(program.inputs.map(\.options) == [[.string("A"), .string("B")], [], []])
        #expect(program.inputs.map(\.tooltip) == [nil, "a tooltip", "tip"])
        Self.expect(try Self.seen("s = input.string(\"A\", \"Mode\", [\"A\", \"B\"])\nv = s == \"B\" ? 1 : 0", set: ["Mode": .string("B")]), 1, 1)
    }

    @Test func displayOnlyArgumentsAreAcceptedAndIgnored() throws {
        let body = "v = input.int(5, \"L\", minval = 1, tooltip = \"t\", inline = \"a\", group = \"g\", confirm = true, display = display.none)"
        Self.expect(try Self.seen(body), 5, 5)
        Self.expect(try Self.seen(body, set: ["L": .int(6)]), 6, 6)
        Self.expect(try Self.seen("v = input(2.5, \"X\", tooltip = \"t\", inline = \"i\", group = \"g\")"), 2.5, 2.5)
    }

    /// As in TradingView, inputs are declared at the top level only: one elsewhere is refused
    /// where it stands.
    @Test func anInputInALocalBlockIsRefusedWhereItStands() throws {
        let body = "f(x) =>\n    k = input.int(2, \"K\")\n    x * k\nplot(f(close))\n"
        #expect {
            _ = try PineProgram.compile(source: "//@version=6\nindicator(\"f\")\n" + body, fileName: "f.pine")
        } throws: { "\($0)".contains("f.pine:4:9") && "\($0)".contains("top level") }
    }

    @Test func aColorInputTakesAHexColor() throws {
        let body = "c = input.color(color.blue, \"Col\")\nv = color.r(c)"
        _ = try Self.plots(body + "\nplot(close)", set: ["Col": .string("#FF8000")])
        #expect(throws: InputValueError.self) { _ = try Self.plots(body + "\nplot(close)", set: ["Col": .string("orange-ish")]) }
    }
}
