import Foundation
import Testing
@testable import PineLanguage

/// Inputs and declared properties of every parity strategy, checked against the
/// reference engine's own record of them (`<case>.settings.json`, copied from the
/// parity set) and against the `pfopt inspect --json` goldens.
@Suite struct InputGoldenTests {
    static var cases: [String] { Fixtures.parityNames.map { String($0.dropLast(".pine".count)) } }

    private func settings(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: Fixtures.root.appendingPathComponent("parity/\(name).settings.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test(arguments: cases)
    func inputsMatchReference(_ name: String) throws {
        let checked = PineFrontEnd.check(source: try Fixtures.text("parity/\(name).pine"), fileName: name)
        #expect(!checked.hasErrors, "\(checked.renderedDiagnostics)")
        let reference = try #require(try settings(name)["inputs"] as? [[String: Any]])
        #expect(checked.inputs.count == reference.count)
        for (input, expected) in zip(checked.inputs, reference) {
            #expect(input.name == expected["var"] as? String)
            #expect(input.title == expected["title"] as? String)
            #expect(input.kind.rawValue == expected["type"] as? String)
            let number = try #require(expected["default"] as? NSNumber)
            switch input.defaultValue {
            case .int(let v): #expect(v == number.intValue && input.kind == .int)
            case .float(let v): #expect(v == number.doubleValue && input.kind == .float)
            case .bool(let v): #expect(v == number.boolValue && input.kind == .bool)
            case .string: Issue.record("unexpected string default for \(input.name)")
            }
            // Addressable by variable name and by title.
            #expect(checked.input(named: input.name) == input)
            if let title = input.title { #expect(checked.input(named: title) == input) }
        }
    }

    @Test(arguments: cases)
    func declarationMatchesReference(_ name: String) throws {
        let checked = PineFrontEnd.check(source: try Fixtures.text("parity/\(name).pine"), fileName: name)
        let declaration = try #require(checked.declaration)
        #expect(declaration.kind == .strategy)
        let reference = try #require(try settings(name)["declared_properties"] as? [String: Any])
        #expect(Set(declaration.properties.map(\.name)) == Set(reference.keys))
        for (key, value) in reference {
            let given = try #require(declaration[key], "missing property \(key)")
            switch (given, value) {
            case (.string(let s), let v as String): #expect(s == v, "\(key)")
            case (.constant(let s), let v as String): #expect(s == v, "\(key)")
            case (.bool(let b), let v as NSNumber): #expect(b == v.boolValue, "\(key)")
            case (.int(let i), let v as NSNumber): #expect(Double(i) == v.doubleValue, "\(key)")
            case (.float(let f), let v as NSNumber): #expect(f == v.doubleValue, "\(key)")
            default: Issue.record("property \(key): \(given) vs \(value)")
            }
        }
        #expect(declaration.title == reference["title"] as? String)
    }

    @Test(arguments: cases)
    func inspectJSONMatchesGolden(_ name: String) throws {
        let checked = PineFrontEnd.check(source: try Fixtures.text("parity/\(name).pine"), fileName: name)
        let golden = try Fixtures.text("parity/\(name).inspect.json")
        let json = InspectReport(checked).json()
        #expect(json + "\n" == golden)
        // The output is valid JSON with the documented shape.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let declaration = try #require(object["declaration"] as? [String: Any])
        #expect(declaration["kind"] as? String == "strategy")
        let inputs = try #require(object["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["name"] as? String } == checked.inputs.map(\.name))
    }

    @Test func inspectTableListsInputs() throws {
        let checked = PineFrontEnd.check(source: try Fixtures.text("parity/03-rsi-band-reversal.pine"), fileName: "c")
        let table = InspectReport(checked).table().split(separator: "\n").map(String.init)
        #expect(table[0] == "strategy \"pfopt-c RSI band reversal\"")
        #expect(table.contains("name        title       type   default  min  max  step  options"))
        #expect(table.contains("oversold    Oversold    float  30.0     1    50"))
        #expect(table.contains("rsiLen      RSI length  int    14       2"))
    }

    @Test func inputKindsAndFields() {
        let source = """
            //@version=6
            strategy("kinds")
            src = input.source(close, "Source", group="Main", tooltip="Price to use")
            tf = input.timeframe("60", "Timeframe")
            sess = input.session("0930-1600", "Session")
            px = input.price(100, "Price")
            t0 = input.time(timestamp("2024-01-02T03:04:05"), "Start")
            t1 = input.time(timestamp(2024, 1, 2, 3, 4, 5), "Start2")
            sym = input.symbol("BINANCE:ETHUSDT", "Symbol")
            col = input.color(#FF0000, "Color")
            mode = input.string("Fast", "Mode", options=["Fast", "Slow"])
            lvl = input.float(2, "Level", options=[1, 2, 3])
            plain = input(14, "Plain")
            plainSrc = input(hl2, "Plain source")
            flag = input.bool(defval=true, title="Flag")
            neg = input.int(-5, "Negative", minval=-10, maxval=10, step=5)
            x = ta.sma(close, input.int(3, "Inline"))
            """
        let checked = PineFrontEnd.check(source: source, fileName: "kinds.pine")
        #expect(!checked.hasErrors, "\(checked.renderedDiagnostics)")
        let byName = Dictionary(uniqueKeysWithValues: checked.inputs.map { ($0.name, $0) })
        #expect(byName["src"]?.kind == .source && byName["src"]?.defaultValue == .string("close"))
        #expect(byName["src"]?.group == "Main" && byName["src"]?.tooltip == "Price to use")
        #expect(byName["tf"]?.kind == .timeframe && byName["tf"]?.defaultValue == .string("60"))
        #expect(byName["sess"]?.kind == .session)
        #expect(byName["px"]?.kind == .price && byName["px"]?.defaultValue == .float(100))
        #expect(byName["t0"]?.kind == .time && byName["t0"]?.defaultValue == .int(1_704_164_645_000))
        #expect(byName["t1"]?.defaultValue == .int(1_704_164_645_000))
        #expect(byName["sym"]?.kind == .symbol)
        #expect(byName["col"]?.kind == .color && byName["col"]?.defaultValue == .string("#FF0000FF"))
        #expect(byName["mode"]?.options == [.string("Fast"), .string("Slow")])
        #expect(byName["lvl"]?.options == [.float(1), .float(2), .float(3)] && byName["lvl"]?.defaultValue == .float(2))
        #expect(byName["plain"]?.kind == .int && byName["plain"]?.defaultValue == .int(14))
        #expect(byName["plainSrc"]?.kind == .source && byName["plainSrc"]?.defaultValue == .string("hl2"))
        #expect(byName["flag"]?.kind == .bool && byName["flag"]?.title == "Flag")
        #expect(byName["neg"]?.defaultValue == .int(-5) && byName["neg"]?.minval == -10 && byName["neg"]?.step == 5)
        // An input not assigned to a variable is named by its title.
        #expect(checked.inputs.last?.name == "Inline")
        #expect(checked.inputs.map(\.name).count == 15)
        #expect(byName["src"]?.range.start.line == 3 && byName["src"]?.range.start.column == 7)
    }
}
